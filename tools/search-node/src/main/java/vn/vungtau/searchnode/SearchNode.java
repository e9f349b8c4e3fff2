package vn.vungtau.searchnode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;

/**
 * A single-node OpenSearch cluster for development, tests and CI, embedded in this main.
 *
 * <p>Listens on 127.0.0.1 only (HTTP {@code search.node.port}, default 9200; transport on a port of
 * 9300–9399). Data lives under a fresh temporary directory that is deleted on exit unless
 * {@code search.node.home} names one. Plugins are loaded from the class path: Netty (HTTP and
 * transport), the common analysis module (asciifolding, edge n-grams, synonyms, …) and
 * {@link IcuFoldingPlugin} (icu_folding, icu_normalizer). Stops cleanly on SIGTERM / Ctrl-C.
 */
public final class SearchNode {
    private SearchNode() {
    }

    public static void main(String[] args) throws Exception {
        String port = System.getProperty("search.node.port", "9200");
        String home = System.getProperty("search.node.home", "");
        boolean throwaway = home.isEmpty();
        Path homePath = throwaway ? Files.createTempDirectory("search-node-") : Path.of(home).toAbsolutePath();
        Files.createDirectories(homePath.resolve("config"));

        Settings settings = Settings.builder()
            .put("cluster.name", "vungtau-search-dev")
            .put("node.name", "search-node")
            .put("path.home", homePath.toString())
            .put("path.data", homePath.resolve("data").toString())
            .put("path.logs", homePath.resolve("logs").toString())
            .put("network.host", "127.0.0.1")
            .put("http.port", port)
            .put("transport.port", "9300-9399")
            .put("discovery.type", "single-node")
            // A nearly full development disk must not turn indices read-only.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("node.processors", Math.min(2, Runtime.getRuntime().availableProcessors()))
            // As Elasticsearch 9 sizes it for this heap: a multi-word synonym's token graph, searched
            // on five fields in the service's all-but-one query, passes OpenSearch's default 1,024.
            .put("indices.query.bool.max_clause_count", 4096)
            .build();
        LogConfigurator.registerErrorListener();
        LogConfigurator.configureWithoutConfig(settings);
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings, Map.of(), homePath.resolve("config"), () -> "search-node");

        long started = System.nanoTime();
        Node node = new Node(environment,
            List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, IcuFoldingPlugin.class), true) {
        };
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(10, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                System.err.println("search-node: error while stopping: " + e);
            }
            if (throwaway) {
                deleteTree(homePath);
            }
        }, "search-node-shutdown"));
        node.start();
        System.out.printf("search-node: OpenSearch listening on http://127.0.0.1:%s (home %s, started in %d ms)%n",
            port, homePath, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        Thread.currentThread().join();  // runs until the JVM is asked to stop
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("search-node: could not delete " + root + ": " + e);
        }
    }
}
