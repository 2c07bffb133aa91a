-- bench/registratie.lua — wrk requests for bench/registratie-run.
--
--   wrk ... -s bench/registratie.lua URL -- MODE COOKIE CSRF [ARG]
--
-- MODE zoek: POST /api/v1/inwoners/zoeken {"naam": ...}, rotating over
--            names of the generated data (surnames, first names, both).
-- MODE get:  GET of the URL's path with the session cookie (ARG unused).
-- MODE geb:  POST /api/v1/inwoners/{id}/gebeurtenissen, a plan_van_aanpak
--            on a random traject of the file ARG ("inwoner_id traject_id"
--            per line) dated DATUM (env BENCH_REG_DATUM, YYYY-MM-DD).
-- Prints "p95_ms N" and "p99_ms N" after the run, and "status_errors N".

local mode, cookie, csrf, arg4
local names = {
	"Bakman", "Bosstra", "Visserhof", "Kramersma", "Veenhuis", "Smitdijk",
	"Molenberg", "Groenveld", "Haanstra", "Postma", "Zandvliet", "Heuvelink",
	"Linderink", "Meerman", "Wittebeek", "Tolhuis", "Steenkamp", "Vosmaer",
	"Emma Bakman", "Jan Bosstra", "Fatima Kramersma", "Noah Visserhof",
	"Eva", "Mohamed", "Sanne", "Peter Veen", "Ber", "Kok",
}
local pool = {}
local datum = os.getenv("BENCH_REG_DATUM") or "2026-01-02"
local origin = os.getenv("BENCH_REG_ORIGIN") or "http://127.0.0.1"
local n = 0

function init(args)
	mode, cookie, csrf, arg4 = args[1], args[2], args[3], args[4]
	math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
	if mode == "geb" then
		for line in io.lines(arg4) do
			local i, t = line:match("^(%d+)%s+(%d+)")
			if i then pool[#pool + 1] = { i, t } end
		end
		assert(#pool > 0, "empty pool file " .. tostring(arg4))
	end
end

function request()
	n = n + 1
	local h = { ["Cookie"] = cookie }
	if mode == "get" then
		return wrk.format("GET", nil, h)
	end
	h["X-CSRF-Token"] = csrf
	h["Content-Type"] = "application/json"
	h["Origin"] = origin
	if mode == "zoek" then
		local body = '{"naam":"' .. names[(n + math.random(#names)) % #names + 1] .. '"}'
		return wrk.format("POST", "/api/v1/inwoners/zoeken", h, body)
	end
	local p = pool[math.random(#pool)]
	local body = '{"type":"plan_van_aanpak","datum":"' .. datum ..
		'","traject_id":' .. p[2] .. ',"gegevens":{}}'
	return wrk.format("POST", "/api/v1/inwoners/" .. p[1] .. "/gebeurtenissen", h, body)
end

function done(summary, latency, requests)
	io.write(string.format("p95_ms %.3f\n", latency:percentile(95) / 1000))
	io.write(string.format("p99_ms %.3f\n", latency:percentile(99) / 1000))
	io.write(string.format("status_errors %d\n", summary.errors.status))
end
