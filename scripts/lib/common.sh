# shellcheck shell=bash
#
# scripts/lib/common.sh — what scripts/up, scripts/down, scripts/stack and
# scripts/test share: installing missing packages, building, and starting or
# stopping one stack (a private MariaDB, the wijkzicht-fcgi worker pool and
# nginx) whose state lives in one var directory.
#
# Sourced, never run. It sets no shell options of its own (the callers use
# `set -euo pipefail`) and starts nothing when sourced: wz_env reads the
# environment, the wz_* functions act. It never touches a system service: a
# mariadbd or nginx started by Debian's packages is left alone, ours are
# found only through the pid files in "$WZ_VAR/run". Passwords never appear
# on a command line: they go to MariaDB as SQL on stdin and to the programs
# in the config file (mode 600).

WZ_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# The Debian packages the stack, the build and the tests need. nodejs and npm
# are skipped when node and npm are already on PATH (e.g. a newer Node
# installed outside Debian's packages).
WZ_DEB_PACKAGES=(
	build-essential autoconf automake pkgconf
	libfcgi-dev libmariadb-dev mariadb-server mariadb-client nginx-light
	libjson-c-dev libcmocka-dev libsodium-dev libxlsxwriter-dev libcsv-dev
	chromium curl wrk tidy clang libclang-rt-14-dev
)

# ---------------------------------------------------------------------------
# Messages

wz_say() {
	printf '==> %s\n' "$*" >&2
}

wz_warn() {
	printf 'warning: %s\n' "$*" >&2
}

wz_die() {
	printf 'error: %s\n' "$*" >&2
	exit 1
}

# ---------------------------------------------------------------------------
# Environment

# Makes a path absolute against the current directory (it need not exist).
wz_abspath() {
	case $1 in
	/*) printf '%s\n' "$1" ;;
	*) printf '%s/%s\n' "$PWD" "${1#./}" ;;
	esac
}

# Reads WIJKZICHT_VAR, WIJKZICHT_PORT, WIJKZICHT_BUILD and WIJKZICHT_WORKERS
# into WZ_VAR, WZ_PORT, WZ_BUILD and WZ_WORKERS and derives the paths of
# one stack. A relative WIJKZICHT_VAR is taken against the caller's current
# directory; the default is var/ in the checkout.
wz_env() {
	local cores
	if [[ -n ${WIJKZICHT_VAR:-} ]]; then
		WZ_VAR=$(wz_abspath "$WIJKZICHT_VAR")
	else
		WZ_VAR=$WZ_ROOT/var
	fi
	WZ_VAR=${WZ_VAR%/}
	WZ_PORT=${WIJKZICHT_PORT:-8080}
	if [[ ! $WZ_PORT =~ ^[1-9][0-9]{0,4}$ ]] || ((WZ_PORT > 65535)); then
		wz_die "WIJKZICHT_PORT must be a port number, not '$WZ_PORT'"
	fi
	WZ_BUILD=${WIJKZICHT_BUILD:-build}
	case $WZ_BUILD in
	/*) ;;
	*) WZ_BUILD=$WZ_ROOT/$WZ_BUILD ;;
	esac
	cores=$(nproc 2>/dev/null || echo 1)
	WZ_WORKERS=${WIJKZICHT_WORKERS:-$((2 * cores))}
	[[ $WZ_WORKERS =~ ^[1-9][0-9]*$ ]] ||
		wz_die "WIJKZICHT_WORKERS must be a positive number, not '$WZ_WORKERS'"
	case ${WIJKZICHT_FCGI_KEEP_CONN:-off} in
	on | off) WZ_KEEP_CONN=${WIJKZICHT_FCGI_KEEP_CONN:-off} ;;
	*) wz_die "WIJKZICHT_FCGI_KEEP_CONN must be on or off" ;;
	esac

	WZ_CONF=$WZ_VAR/wijkzicht.conf
	WZ_RUN=$WZ_VAR/run
	WZ_LOG=$WZ_VAR/log
	WZ_DB_DATA=$WZ_VAR/mysql
	WZ_DB_SOCK=$WZ_RUN/mysqld.sock
	WZ_DB_PID=$WZ_RUN/mariadb.pid
	WZ_APP_SOCK=$WZ_RUN/wijkzicht.sock
	WZ_APP_PID=$WZ_RUN/wijkzicht-fcgi.pid
	WZ_NGINX_DIR=$WZ_VAR/nginx
	WZ_NGINX_CONF=$WZ_NGINX_DIR/nginx.conf
	WZ_NGINX_PID=$WZ_RUN/nginx.pid
	WZ_URL=http://127.0.0.1:$WZ_PORT

	# A unix socket path holds at most 107 bytes.
	((${#WZ_APP_SOCK} < 100)) ||
		wz_die "WIJKZICHT_VAR is too long for a unix socket path: $WZ_VAR"
}

wz_mkdirs() {
	mkdir -p "$WZ_RUN" "$WZ_LOG" "$WZ_VAR/tmp" "$WZ_NGINX_DIR/extra"
	chmod 700 "$WZ_VAR"
}

# ---------------------------------------------------------------------------
# Installing

# Prints the packages of "$@" that dpkg does not have installed.
wz_missing_debs() {
	local p status
	for p in "$@"; do
		status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)
		[[ $status == ii* ]] || printf '%s\n' "$p"
	done
}

# Installs the missing Debian packages (apt-get update once, only when
# something is missing). Needs root when anything is missing.
wz_install_debs() {
	local -a want missing
	want=("${WZ_DEB_PACKAGES[@]}")
	if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
		want+=(nodejs npm)
	fi
	mapfile -t missing < <(wz_missing_debs "${want[@]}")
	if ((${#missing[@]} == 0)); then
		return 0
	fi
	((EUID == 0)) ||
		wz_die "missing Debian packages (run as root to install them): ${missing[*]}"
	wz_say "installing Debian packages: ${missing[*]}"
	# mariadb-server may start a system mariadbd when installed; it is not
	# ours and is left alone: our MariaDB has its own datadir and socket.
	DEBIAN_FRONTEND=noninteractive apt-get update -q
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends "${missing[@]}"
}

# npm ci when node_modules is missing or older than package-lock.json, then
# copies the NL Design System CSS into www/static/vendor/.
wz_install_npm() {
	local stamp=$WZ_ROOT/node_modules/.package-lock.json
	if [[ ! -f $stamp || $WZ_ROOT/package-lock.json -nt $stamp ]]; then
		wz_say "npm ci"
		(cd "$WZ_ROOT" && npm ci --no-audit --no-fund --loglevel=error)
		touch "$stamp"
	fi
	wz_vendor_css
}

# www/static/vendor/ is generated (and ignored by git): the CSS files of the
# pinned npm packages, under stable names that the layout template links.
wz_vendor_css() {
	local src=$WZ_ROOT/node_modules/@utrecht
	local dst=$WZ_ROOT/www/static/vendor
	local -A srcs=(
		[utrecht-component-library.css]=$src/component-library-css/dist/index.css
		[utrecht-design-tokens.css]=$src/design-tokens/dist/theme.css
	)
	local name
	mkdir -p "$dst"
	for name in "${!srcs[@]}"; do
		[[ -f ${srcs[$name]} ]] ||
			wz_die "${srcs[$name]} is missing: run npm ci in $WZ_ROOT"
		if ! cmp -s "${srcs[$name]}" "$dst/$name"; then
			cp "${srcs[$name]}" "$dst/$name.tmp"
			mv "$dst/$name.tmp" "$dst/$name"
		fi
	done
}

wz_install() {
	wz_install_debs
	wz_install_npm
}

# ---------------------------------------------------------------------------
# Building

# Builds in directory $1 (relative to the checkout or absolute), passing the
# remaining arguments to configure the first time.
wz_build() {
	local dir=$1 f regen=0
	shift
	case $dir in
	/*) ;;
	*) dir=$WZ_ROOT/$dir ;;
	esac
	mkdir -p "$WZ_ROOT/m4"
	if [[ ! -x $WZ_ROOT/configure ]]; then
		regen=1
	else
		for f in configure.ac Makefile.am; do
			[[ $WZ_ROOT/$f -nt $WZ_ROOT/configure ]] && regen=1
		done
	fi
	if ((regen)); then
		wz_say "autoreconf -fi"
		(cd "$WZ_ROOT" && autoreconf -fi)
	fi
	mkdir -p "$dir"
	if [[ ! -f $dir/Makefile ]]; then
		wz_say "configuring $dir $*"
		(cd "$dir" && "$WZ_ROOT/configure" "$@")
	fi
	wz_say "building in $dir"
	make -C "$dir" -j2
}

# ---------------------------------------------------------------------------
# Processes and pid files

# Whether pid $1 is alive and its command line mentions $2. The name check
# keeps a stale pid file from ever pointing us at an unrelated process.
wz_pid_is() {
	local pid=$1 name=$2 cmdline
	[[ $pid =~ ^[0-9]+$ ]] || return 1
	kill -0 "$pid" 2>/dev/null || return 1
	cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
	[[ $cmdline == *"$name"* ]]
}

# Prints the pid from pid file $1 when that process runs and is $2.
wz_running_pid() {
	local file=$1 name=$2 pid
	[[ -f $file ]] || return 1
	pid=$(head -n 1 "$file" 2>/dev/null | tr -dc '0-9')
	wz_pid_is "$pid" "$name" || return 1
	printf '%s\n' "$pid"
}

# Stops the process of pid file $1 (named $2 on its command line): TERM, up
# to $3 seconds, then KILL. Removes the pid file. Quiet when not running.
wz_stop_pidfile() {
	local file=$1 name=$2 wait=$3 label=$4 pid i
	if ! pid=$(wz_running_pid "$file" "$name"); then
		if [[ -f $file ]]; then
			wz_say "$label: removing stale pid file $file"
			rm -f "$file"
		fi
		return 0
	fi
	wz_say "stopping $label (pid $pid)"
	kill -TERM "$pid" 2>/dev/null || true
	for ((i = 0; i < wait * 10; i++)); do
		wz_pid_is "$pid" "$name" || break
		sleep 0.1
	done
	if wz_pid_is "$pid" "$name"; then
		wz_warn "$label (pid $pid) did not stop within ${wait}s: killing it"
		kill -KILL "$pid" 2>/dev/null || true
		sleep 0.2
	fi
	rm -f "$file"
}

# Waits up to $1 seconds for the command "${@:2}" to succeed.
wz_wait_for() {
	local secs=$1 i
	shift
	for ((i = 0; i < secs * 10; i++)); do
		if "$@" >/dev/null 2>&1; then
			return 0
		fi
		sleep 0.1
	done
	return 1
}

# Shows the end of a log file after a failure.
wz_show_log() {
	[[ -f $1 ]] || return 0
	printf -- '--- last lines of %s ---\n' "$1" >&2
	tail -n "${2:-30}" "$1" >&2
	printf -- '---\n' >&2
}

# ---------------------------------------------------------------------------
# MariaDB: a private server on a unix socket, no TCP port

# The mariadb client as root over our socket (root authenticates by socket,
# which is why the stack runs as root). --no-defaults: /etc/mysql is not ours.
wz_sql() {
	mariadb --no-defaults --socket="$WZ_DB_SOCK" --user=root --batch "$@"
}

wz_db_alive() {
	wz_sql -e 'SELECT 1' >/dev/null 2>&1
}

wz_db_start() {
	local pid
	wz_mkdirs
	if pid=$(wz_running_pid "$WZ_DB_PID" mariadbd); then
		wz_say "mariadb already running (pid $pid)"
	else
		rm -f "$WZ_DB_PID" "$WZ_DB_SOCK"
		if [[ ! -d $WZ_DB_DATA/mysql ]]; then
			wz_say "initialising MariaDB data directory $WZ_DB_DATA"
			rm -rf "$WZ_DB_DATA"
			mariadb-install-db --no-defaults --datadir="$WZ_DB_DATA" \
				--user=root --auth-root-authentication-method=socket \
				--skip-test-db --skip-name-resolve \
				>"$WZ_LOG/mariadb-install.log" 2>&1 ||
				{
					wz_show_log "$WZ_LOG/mariadb-install.log"
					wz_die "mariadb-install-db failed"
				}
		fi
		wz_say "starting mariadb (socket $WZ_DB_SOCK)"
		# Small buffers: this is a developer's or a test's database. Full
		# durability all the same (flush at every commit), so tests see what
		# production would.
		setsid nohup mariadbd --no-defaults \
			--datadir="$WZ_DB_DATA" \
			--socket="$WZ_DB_SOCK" \
			--pid-file="$WZ_DB_PID" \
			--log-error="$WZ_LOG/mariadb.log" \
			--tmpdir="$WZ_VAR/tmp" \
			--user=root \
			--skip-networking \
			--skip-name-resolve \
			--skip-log-bin \
			--character-set-server=utf8mb4 \
			--collation-server=utf8mb4_unicode_ci \
			--default-storage-engine=InnoDB \
			--innodb-buffer-pool-size=64M \
			--innodb-log-file-size=32M \
			--innodb-flush-log-at-trx-commit=1 \
			--max-connections=200 \
			--max-allowed-packet=16M \
			</dev/null >>"$WZ_LOG/mariadb.out" 2>&1 &
	fi
	if ! wz_wait_for 30 wz_db_alive; then
		wz_show_log "$WZ_LOG/mariadb.log"
		wz_die "mariadb did not answer on $WZ_DB_SOCK within 30 s"
	fi
	wz_db_setup
}

# A password from the existing config file (key $1), or a new random one.
wz_password() {
	local key=$1 value=""
	if [[ -f $WZ_CONF ]]; then
		value=$(sed -n "s/^[[:space:]]*${key}[[:space:]]*=[[:space:]]*//p" "$WZ_CONF" |
			tail -n 1 | tr -d '[:space:]')
	fi
	if [[ ! $value =~ ^[A-Za-z0-9]{16,}$ ]]; then
		value=$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')
	fi
	printf '%s\n' "$value"
}

# A 64-hex-digit key from "$WZ_CONF" if it is there, else a new random one:
# the keys for personal data at rest are made once and then kept (data
# sealed with a lost key cannot be read again).
wz_key() {
	local key=$1 value=""
	if [[ -f $WZ_CONF ]]; then
		value=$(sed -n "s/^[[:space:]]*${key}[[:space:]]*=[[:space:]]*//p" "$WZ_CONF" |
			tail -n 1 | tr -d '[:space:]')
	fi
	if [[ ! $value =~ ^[0-9a-f]{64}$ ]]; then
		value=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
	fi
	printf '%s\n' "$value"
}

# The database, the two users and their rights, idempotently. The app user
# has no privileges of its own: it holds the role wijkzicht_app_rol, to which
# each migration grants, table by table, what the application needs (the
# audit table: INSERT and SELECT only). No DDL: migrations run as the other
# user, who may pass its table privileges on to that role. Passwords travel
# as SQL on stdin, never on a command line.
wz_db_setup() {
	local app_pw mig_pw
	app_pw=$(wz_password db_password)
	mig_pw=$(wz_password db_migrate_password)
	wz_sql <<-SQL
		CREATE DATABASE IF NOT EXISTS wijkzicht
		  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
		CREATE USER IF NOT EXISTS 'wijkzicht_migratie'@'localhost';
		ALTER USER 'wijkzicht_migratie'@'localhost' IDENTIFIED BY '$mig_pw';
		GRANT ALL PRIVILEGES ON wijkzicht.* TO 'wijkzicht_migratie'@'localhost'
		  WITH GRANT OPTION;
		CREATE ROLE IF NOT EXISTS wijkzicht_app_rol;
		CREATE USER IF NOT EXISTS 'wijkzicht_app'@'localhost';
		ALTER USER 'wijkzicht_app'@'localhost' IDENTIFIED BY '$app_pw';
		REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'wijkzicht_app'@'localhost';
		GRANT wijkzicht_app_rol TO 'wijkzicht_app'@'localhost';
		SET DEFAULT ROLE wijkzicht_app_rol FOR 'wijkzicht_app'@'localhost';
	SQL
	wz_write_config "$app_pw" "$mig_pw" "$(wz_key seal_key)" "$(wz_key seal_lookup_key)"
}

wz_db_stop() {
	wz_stop_pidfile "$WZ_DB_PID" mariadbd 60 mariadb
}

# ---------------------------------------------------------------------------
# The application

# Writes "$WZ_CONF" (mode 600) with the passwords $1 (app) and $2
# (migrate) and the keys for personal data at rest $3 and $4.
wz_write_config() {
	local app_pw=$1 mig_pw=$2 seal_key=$3 seal_lookup_key=$4 tmp
	wz_mkdirs
	tmp=$(mktemp "$WZ_VAR/.wijkzicht.conf.XXXXXX")
	chmod 600 "$tmp"
	cat >"$tmp" <<-CONF
		# wijkzicht.conf — written by scripts/lib/common.sh for the stack in
		# $WZ_VAR. Rewritten at every start; the passwords are kept.
		listen_socket = $WZ_APP_SOCK
		socket_mode = 0666
		workers = $WZ_WORKERS
		max_requests = 0
		www_dir = $WZ_ROOT/www
		sql_dir = $WZ_ROOT/sql
		log_file = $WZ_LOG/wijkzicht.log
		pid_file = $WZ_APP_PID
		db_socket = $WZ_DB_SOCK
		db_name = wijkzicht
		db_user = wijkzicht_app
		db_password = $app_pw
		db_migrate_user = wijkzicht_migratie
		db_migrate_password = $mig_pw
		password_list = $WZ_ROOT/www/data/veelgebruikte-wachtwoorden.txt
		# Personal data at rest (BSN): made once, kept across restarts.
		seal_key = $seal_key
		seal_lookup_key = $seal_lookup_key
		# Plain HTTP on localhost: no Secure / __Host- cookie (the
		# production nginx config serves HTTPS and keeps the default 1).
		cookie_secure = 0
	CONF
	# Inwoners per step of building the figure sums, only when asked (the
	# tests take small steps, so that builds and writers interleave; an
	# older build, as the benchmarks start, does not know the key).
	if [[ -n ${WZ_SOM_STAP:-} ]]; then
		printf 'cijfer_som_stap = %s\n' "$WZ_SOM_STAP" >>"$tmp"
	fi
	mv "$tmp" "$WZ_CONF"
}

# Runs the command-line tool of the build against this stack.
wz_cli() {
	[[ -x $WZ_BUILD/wijkzicht ]] ||
		wz_die "$WZ_BUILD/wijkzicht does not exist: build first (scripts/up or scripts/test)"
	"$WZ_BUILD/wijkzicht" -c "$WZ_CONF" "$@"
}

wz_app_migrate() {
	[[ -f $WZ_CONF ]] || wz_die "$WZ_CONF is missing: start the database first"
	wz_say "migrating the database"
	wz_cli migrate
}

wz_app_seed() {
	wz_say "loading demo data"
	wz_cli seed-demo
}

wz_app_start() {
	local pid bin=$WZ_BUILD/wijkzicht-fcgi
	wz_mkdirs
	if pid=$(wz_running_pid "$WZ_APP_PID" wijkzicht-fcgi); then
		wz_say "wijkzicht-fcgi already running (pid $pid)"
		return 0
	fi
	[[ -x $bin ]] || wz_die "$bin does not exist: build first"
	[[ -f $WZ_CONF ]] || wz_die "$WZ_CONF is missing: start the database first"
	rm -f "$WZ_APP_PID" "$WZ_APP_SOCK"
	wz_say "starting wijkzicht-fcgi ($WZ_WORKERS workers, socket $WZ_APP_SOCK)"
	setsid nohup "$bin" -c "$WZ_CONF" </dev/null >>"$WZ_LOG/wijkzicht-fcgi.out" 2>&1 &
	pid=$!
	local i
	for ((i = 0; i < 300; i++)); do
		[[ -S $WZ_APP_SOCK && -s $WZ_APP_PID ]] && break
		if ! kill -0 "$pid" 2>/dev/null; then
			wz_show_log "$WZ_LOG/wijkzicht-fcgi.out"
			wz_show_log "$WZ_LOG/wijkzicht.log"
			wz_die "wijkzicht-fcgi exited at start-up"
		fi
		sleep 0.1
	done
	if [[ ! -S $WZ_APP_SOCK ]]; then
		wz_show_log "$WZ_LOG/wijkzicht-fcgi.out"
		wz_die "wijkzicht-fcgi did not create $WZ_APP_SOCK within 30 s"
	fi
}

wz_app_stop() {
	wz_stop_pidfile "$WZ_APP_PID" wijkzicht-fcgi 30 wijkzicht-fcgi
}

# ---------------------------------------------------------------------------
# nginx

wz_nginx_render() {
	local tmp
	wz_mkdirs
	[[ -d $WZ_ROOT/www/static/vendor ]] ||
		wz_warn "www/static/vendor/ is missing (scripts/up or npm ci creates it): pages will lack their styles"
	tmp=$(mktemp "$WZ_NGINX_DIR/.nginx.conf.XXXXXX")
	sed -e "s|@PORT@|$WZ_PORT|g" \
		-e "s|@VAR@|$WZ_VAR|g" \
		-e "s|@ROOT@|$WZ_ROOT|g" \
		-e "s|@WORKERS@|$WZ_WORKERS|g" \
		-e "s|@KEEP_CONN@|$WZ_KEEP_CONN|g" \
		"$WZ_ROOT/nginx/local.conf.in" >"$tmp"
	chmod 644 "$tmp"
	mv "$tmp" "$WZ_NGINX_CONF"
}

# nginx with our prefix, config and error log (-e: even its start-up errors
# go to our log, not to /var/log/nginx).
wz_nginx() {
	nginx -p "$WZ_NGINX_DIR/" -e "$WZ_LOG/nginx-error.log" -c "$WZ_NGINX_CONF" "$@"
}

wz_healthz() {
	curl -fsS --max-time 5 -o /dev/null "$WZ_URL/healthz"
}

wz_nginx_start() {
	local pid
	wz_nginx_render
	if pid=$(wz_running_pid "$WZ_NGINX_PID" nginx); then
		wz_say "nginx already running (pid $pid): reloading its config"
		wz_nginx -t -q
		kill -HUP "$pid"
	else
		rm -f "$WZ_NGINX_PID"
		wz_nginx -t -q || wz_die "nginx rejects $WZ_NGINX_CONF"
		wz_say "starting nginx on $WZ_URL"
		wz_nginx || {
			wz_show_log "$WZ_LOG/nginx-error.log"
			wz_die "nginx did not start (is port $WZ_PORT taken?)"
		}
	fi
	if ! wz_wait_for 30 wz_healthz; then
		curl -sS --max-time 5 -i "$WZ_URL/healthz" >&2 || true
		wz_show_log "$WZ_LOG/nginx-error.log"
		wz_show_log "$WZ_LOG/wijkzicht.log"
		wz_die "$WZ_URL/healthz did not answer 200 within 30 s"
	fi
}

wz_nginx_stop() {
	wz_stop_pidfile "$WZ_NGINX_PID" nginx 10 nginx
}

# Whether something already listens on 127.0.0.1:$1.
wz_port_in_use() {
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# ---------------------------------------------------------------------------
# Status

# Prints one line per part; returns 0 when all of "$@" run.
wz_status() {
	local part pid rc=0 code url
	for part in "$@"; do
		case $part in
		db)
			if pid=$(wz_running_pid "$WZ_DB_PID" mariadbd); then
				printf '%-8s running  pid %s, socket %s\n' db "$pid" "$WZ_DB_SOCK"
			else
				printf '%-8s stopped\n' db
				rc=3
			fi
			;;
		app)
			if pid=$(wz_running_pid "$WZ_APP_PID" wijkzicht-fcgi); then
				printf '%-8s running  pid %s, socket %s\n' app "$pid" "$WZ_APP_SOCK"
			else
				printf '%-8s stopped\n' app
				rc=3
			fi
			;;
		nginx)
			if pid=$(wz_running_pid "$WZ_NGINX_PID" nginx); then
				# The port it really listens on, whatever WIJKZICHT_PORT says now.
				url=$(sed -n 's/^[[:space:]]*listen[[:space:]]*\([0-9.]*:[0-9]*\);.*/http:\/\/\1/p' \
					"$WZ_NGINX_CONF" 2>/dev/null | head -n 1)
				url=${url:-$WZ_URL}
				code=$(curl -s --max-time 5 -o /dev/null -w '%{http_code}' "$url/healthz" || true)
				printf '%-8s running  pid %s, %s (healthz %s)\n' nginx "$pid" "$url" "$code"
			else
				printf '%-8s stopped\n' nginx
				rc=3
			fi
			;;
		esac
	done
	return "$rc"
}
