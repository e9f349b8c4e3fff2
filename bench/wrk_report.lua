-- wrk script of the benchmarks. bench/run.py: one URL (wrk's own request). bench/load.py: a mix of
-- requests, from a file named after "--" with one "<Host header> <path>" a line (paths percent-encoded);
-- each thread starts at its own place in the file and goes round it.
-- At the end it prints two machine-readable lines:
--   BENCH <requests/s> <p50 ms> <p95 ms> <errors> <requests>
--   LOAD requests=… seconds=… bytes=… connect=… read=… write=… timeout=… status=… p50=… p90=… p99=… max=…
--        followed by "<HTTP status>=<count>" for every status seen (latencies in ms).

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  mix = {}
  if args[1] then
    for line in io.lines(args[1]) do
      local host, path = line:match("^(%S+)%s+(%S+)$")
      if host then
        mix[#mix + 1] = wrk.format("GET", path, { Host = host })
      end
    end
    math.randomseed(os.time() + 7919 * id)
    position = math.random(#mix)
  end
end

function request()
  if #mix == 0 then
    return wrk.request()
  end
  position = position % #mix + 1
  return mix[position]
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
                 + summary.errors.status + summary.errors.timeout
  io.write(string.format("BENCH %.1f %.2f %.2f %d %d\n", summary.requests / seconds,
           latency:percentile(50) / 1000, latency:percentile(95) / 1000, errors, summary.requests))
  io.write(string.format(
    "LOAD requests=%d seconds=%.2f bytes=%d connect=%d read=%d write=%d timeout=%d status=%d "
      .. "p50=%.2f p90=%.2f p99=%.2f max=%.2f",
    summary.requests, seconds, summary.bytes, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout, summary.errors.status,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
  local counts = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      counts[status] = (counts[status] or 0) + count
    end
  end
  for status, count in pairs(counts) do
    io.write(string.format(" %d=%d", status, count))
  end
  io.write("\n")
end
