package vn.vungtau.searchnode;

import java.io.Reader;
import java.util.Locale;
import java.util.Map;

import com.ibm.icu.text.Normalizer2;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.opensearch.index.analysis.AbstractCharFilterFactory;
import org.opensearch.index.analysis.AbstractTokenFilterFactory;
import org.opensearch.index.analysis.CharFilterFactory;
import org.opensearch.index.analysis.NormalizingCharFilterFactory;
import org.opensearch.index.analysis.NormalizingTokenFilterFactory;
import org.opensearch.index.analysis.TokenFilterFactory;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;

/**
 * The two ICU analysis components the portal's analyzers use (search/es_analysis.py), over Lucene's
 * ICU module: OpenSearch 2.19 publishes no analysis-icu jar on Maven Central, only a zip.
 *
 * <ul>
 *   <li>{@code icu_folding} token filter: Unicode folding (case, diacritics; UTR#30);</li>
 *   <li>{@code icu_normalizer} char filter: {@code name} nfc / nfkc / nfkc_cf (default),
 *       {@code mode} compose (default) / decompose.</li>
 * </ul>
 * Same names and settings as the official plugin, so the same index settings work in production.
 */
public class IcuFoldingPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of("icu_folding", (indexSettings, environment, name, settings) -> new Folding(indexSettings, name, settings));
    }

    @Override
    public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
        return Map.of("icu_normalizer", (indexSettings, environment, name, settings) -> {
            String form = settings.get("name", "nfkc_cf").toLowerCase(Locale.ROOT);
            boolean decompose = "decompose".equals(settings.get("mode", "compose"));
            Normalizer2 normalizer = Normalizer2.getInstance(null, form,
                decompose ? Normalizer2.Mode.DECOMPOSE : Normalizer2.Mode.COMPOSE);
            return new Normalizing(indexSettings, name, normalizer);
        });
    }

    private static final class Folding extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
        Folding(org.opensearch.index.IndexSettings indexSettings, String name, org.opensearch.common.settings.Settings settings) {
            super(indexSettings, name, settings);
        }

        @Override
        public TokenStream create(TokenStream tokenStream) {
            return new ICUFoldingFilter(tokenStream);
        }
    }

    private static final class Normalizing extends AbstractCharFilterFactory implements NormalizingCharFilterFactory {
        private final Normalizer2 normalizer;

        Normalizing(org.opensearch.index.IndexSettings indexSettings, String name, Normalizer2 normalizer) {
            super(indexSettings, name);
            this.normalizer = normalizer;
        }

        @Override
        public Reader create(Reader reader) {
            return new ICUNormalizer2CharFilter(reader, normalizer);
        }
    }
}
