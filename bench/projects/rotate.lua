-- wrk hook: GET BENCH_PATH_PREFIX .. id for ids spread over [BENCH_FIRST_ID, BENCH_LAST_ID]
-- (environment), so the load reads many different projects instead of one cached row, and
-- the same one-line JSON report as bench/http/report.lua (loaded from beside this file).
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "../http/report.lua")

local first = tonumber(os.getenv("BENCH_FIRST_ID") or "")
local last = tonumber(os.getenv("BENCH_LAST_ID") or "")
local prefix = os.getenv("BENCH_PATH_PREFIX") or "/api/v1/projects/"
if not first or not last or last < first then
  io.stderr:write("rotate.lua: set BENCH_FIRST_ID and BENCH_LAST_ID\n")
  os.exit(2)
end
local span = last - first + 1
-- A stride coprime to the span visits every id once per round, in an order that jumps
-- across the table (a project page is rarely the neighbour of the previous one).
local stride = 7919
while span % stride == 0 do stride = stride + 2 end

local threads = 0
setup = function(thread)
  thread:set("offset", threads * 104729)
  threads = threads + 1
end

local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", prefix .. (first + ((offset or 0) + n * stride) % span))
end
