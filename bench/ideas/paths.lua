-- wrk hook: GET the paths listed in BENCH_PATHS_FILE (one per line, query strings already
-- encoded) in turn, each thread from its own place in the list, so the load reads many
-- different ideas (or types many different texts) instead of one cached answer; reports
-- like bench/http/report.lua, which it loads. A Lua request() costs wrk some throughput, so
-- these scenarios' ratios are slightly pessimistic.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "../http/report.lua")

local file = os.getenv("BENCH_PATHS_FILE")
local paths = {}
if file then
  for line in io.lines(file) do
    if line ~= "" then paths[#paths + 1] = line end
  end
end
if #paths == 0 then
  io.stderr:write("paths.lua: set BENCH_PATHS_FILE to a file of paths\n")
  os.exit(2)
end

local threads = 0
setup = function(thread)
  thread:set("offset", threads * 7919)
  threads = threads + 1
end

local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[((offset or 0) + n) % #paths + 1])
end
