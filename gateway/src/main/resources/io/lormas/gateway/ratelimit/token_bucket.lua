-- One token bucket per key, refilled continuously. Time comes from Redis, so every gateway replica agrees.
-- KEYS[1]  the bucket (a hash: tokens, at)
-- ARGV[1]  refill rate, tokens per second
-- ARGV[2]  capacity (burst)
-- ARGV[3]  tokens this request costs
-- Returns { allowed (1/0), tokens left (floor), ms until the request could pass, ms until the bucket is full }
local rate = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local requested = tonumber(ARGV[3])

local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = capacity
  at = now
end

tokens = math.min(capacity, tokens + math.max(0, now - at) * rate / 1000)

local allowed = 0
local wait = 0
if tokens >= requested then
  tokens = tokens - requested
  allowed = 1
else
  wait = math.ceil((requested - tokens) * 1000 / rate)
end

local full = math.ceil((capacity - tokens) * 1000 / rate)
redis.call('HSET', KEYS[1], 'tokens', tokens, 'at', now)
-- a full bucket is the same as no bucket: let the key go
redis.call('PEXPIRE', KEYS[1], full + 1000)

return { allowed, math.floor(tokens), wait, full }
