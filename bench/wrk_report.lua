-- Prints one machine-readable line at the end of a wrk run: requests/s, p50 and p95 latency (ms), errors.
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
                 + summary.errors.status + summary.errors.timeout
  io.write(string.format("BENCH %.1f %.2f %.2f %d %d\n", summary.requests / seconds,
           latency:percentile(50) / 1000, latency:percentile(95) / 1000, errors, summary.requests))
end
