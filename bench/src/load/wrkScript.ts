import { MODERN_META } from '../mcpHttp.js';

/**
 * The wrk Lua script every load run uses. One wrk thread (`-t1`) drives all connections, so a
 * plain counter gives every JSON-RPC request a unique id. Each response is checked: HTTP 200, the
 * JSON-RPC id of a request still in flight, and the right answer. A wrong answer counts as an
 * error, never as a request.
 *
 * Arguments (after `--`): `call <tool>` sends `tools/call <tool> {a: n, b: 7}` and expects the
 * text `n + 7` (the `add_numbers` contract); `list <name>` sends `tools/list` and expects `<name>`
 * in the result. A third argument `modern` puts the MCP 2026-07-28 `_meta` envelope
 * ({@link MODERN_META}) in every request's `params`; its standard headers (`MCP-Protocol-Version`,
 * `Mcp-Method`, `Mcp-Name`) are static per run and come from `runWrk` as `-H` options. Without it
 * (`legacy`), requests are 2025 messages without a session.
 * `done` prints one JSON line starting with `{"bench":` that {@link parseWrkSummary} reads.
 */
export const WRK_SCRIPT = String.raw`
counter = 0
bad = 0
firstBad = ""
local pending = {}
local kind, tool = "call", "add_numbers"
local meta = ""
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  kind = args[1] or kind
  tool = args[2] or tool
  if args[3] == "modern" then
    meta = '"_meta":${JSON.stringify(MODERN_META)}'
  end
end

function request()
  counter = counter + 1
  pending[counter] = true
  local body
  if kind == "list" then
    body = '{"jsonrpc":"2.0","id":' .. counter .. ',"method":"tools/list","params":{'
      .. meta .. '}}'
  else
    body = '{"jsonrpc":"2.0","id":' .. counter .. ',"method":"tools/call","params":{"name":"'
      .. tool .. '","arguments":{"a":' .. counter .. ',"b":7}' .. (meta == "" and "" or ",")
      .. meta .. '}}'
  end
  return wrk.format("POST", nil, nil, body)
end

local function isRight(status, body)
  if status ~= 200 then return false end
  local id = tonumber(string.match(body, '.*"id":(%d+)'))
  if id == nil or not pending[id] then return false end
  pending[id] = nil
  if kind == "list" then
    return string.find(body, tool, 1, true) ~= nil
  end
  return string.find(body, '"text":"' .. (id + 7) .. '"', 1, true) ~= nil
end

function response(status, headers, body)
  if not isRight(status, body) then
    bad = bad + 1
    if firstBad == "" then
      firstBad = string.gsub(status .. " " .. string.sub(body or "", 1, 300), '[%c"\\]', " ")
    end
  end
end

function done(summary, latency, requests)
  local totalBad, first = 0, ""
  for _, thread in ipairs(threads) do
    totalBad = totalBad + thread:get("bad")
    if first == "" then first = thread:get("firstBad") end
  end
  local e = summary.errors
  io.write(string.format(
    '{"bench":1,"requests":%d,"durationUs":%d,"p50Us":%.0f,"p99Us":%.0f,"bad":%d,' ..
    '"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"firstBad":"%s"}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), totalBad,
    e.connect, e.read, e.write, e.status, e.timeout, first))
end
`;
