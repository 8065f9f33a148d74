-- wrk script: a stream of distinct requests drawn from the corpus's own words and note names.
--   wrk ... -s requests.lua URL -- KIND DATA_DIR
-- KIND: keyword | hybrid | fts5 (three random field words, Korean and English mixed, limit=10)
--       related | paper (a random note name: /papers/{name}/related, /papers/{name})
-- DATA_DIR holds words.txt and notes.txt (corpus_words.py). done() prints one RESULT line for run.sh.

local kind, words, notes = "keyword", {}, {}
local counter = 0

local function lines(path)
  local list = {}
  local file = assert(io.open(path, "r"), "cannot read " .. path)
  for line in file:lines() do
    if #line > 0 then list[#list + 1] = line end
  end
  file:close()
  return list
end

local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local thread_id = 0
function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
end

function init(args)
  kind = args[1] or "keyword"
  local dir = args[2] or "."
  words = lines(dir .. "/words.txt")
  notes = lines(dir .. "/notes.txt")
  math.randomseed(os.time() * 1000 + (id or 0) * 7919)
end

local function query()
  local a, b, c = words[math.random(#words)], words[math.random(#words)], words[math.random(#words)]
  return encode(a .. " " .. b .. " " .. c)
end

function request()
  counter = counter + 1
  local path
  if kind == "related" then
    path = "/papers/" .. encode(notes[math.random(#notes)]) .. "/related?limit=10"
  elseif kind == "paper" then
    path = "/papers/" .. encode(notes[math.random(#notes)])
  elseif kind == "fts5" then
    path = "/search?limit=10&q=" .. query()
  else
    path = "/search?limit=10&mode=" .. kind .. "&q=" .. query()
  end
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.2f %.2f %.2f %d %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
