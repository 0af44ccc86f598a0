-- wrk hook: prints one JSON line with the exact figures (latency in microseconds) so
-- run.sh does not have to parse wrk's rounded, unit-suffixed text output.
-- Only done() is defined, so wrk keeps its fast request path (no per-request Lua).
done = function(summary, latency, requests)
  local secs = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"duration_s":%.3f,"rps":%.1f,"bytes":%d,' ..
    '"p50_us":%d,"p90_us":%d,"p99_us":%d,"p999_us":%d,"max_us":%d,"mean_us":%.1f,' ..
    '"non_2xx_3xx":%d,"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d}}\n',
    summary.requests, secs, summary.requests / secs, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
    latency.max, latency.mean,
    e.status, e.connect, e.read, e.write, e.timeout))
end
