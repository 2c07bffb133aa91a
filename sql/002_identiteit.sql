-- 002_identiteit.sql — who may do what, and the record of what they did:
-- gebruikers and their toekenningen (role + scope), sessions, API tokens,
-- one-time password links, log-in attempts (throttling), idempotency keys,
-- the audit log; and the remaining structure: opdrachten with budgets and
-- eisen.
--
-- Privileges: the application connects as a user holding only the role
-- wijkzicht_app_rol. Every table grants that role what the application
-- needs and no more; the audit table only INSERT and SELECT, so the
-- application can neither change nor remove what it recorded. The role is
-- created by the run scripts (it needs no database to exist first).

CREATE TABLE gebruiker (
  id                 BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  gebruikersnaam     VARCHAR(64)  NOT NULL,
  naam               VARCHAR(200) NOT NULL,
  -- argon2id string from crypto_pwhash_str; NULL until the user set one.
  wachtwoord_hash    VARCHAR(255) NULL,
  actief             TINYINT(1) NOT NULL DEFAULT 1,
  aangemaakt_op      DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  wachtwoord_op      DATETIME(6) NULL,
  versie             INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY gebruiker_naam (gebruikersnaam)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A grant: role within a scope. scope_id is 0 for the gemeente-wide roles.
CREATE TABLE toekenning (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  gebruiker_id  BIGINT UNSIGNED NOT NULL,
  rol           ENUM('medewerker','teamleider','ketenpartner','regisseur',
                     'contractmanager','beheerder','auditor') NOT NULL,
  scope_soort   ENUM('gemeente','organisatie','wijkteam','keten') NOT NULL,
  scope_id      BIGINT UNSIGNED NOT NULL DEFAULT 0,
  aangemaakt_op DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  UNIQUE KEY toekenning_uniek (gebruiker_id, rol, scope_soort, scope_id),
  CONSTRAINT fk_toekenning_gebruiker FOREIGN KEY (gebruiker_id) REFERENCES gebruiker (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A browser session. The token itself is only in the cookie; this table
-- holds its hash (hex BLAKE2b-256). Hash columns use the table's own
-- character set: a column in another one (ascii) cannot be matched through
-- its index by a bound utf8mb4 parameter, and every lookup became a scan.
CREATE TABLE sessie (
  id                CHAR(64) NOT NULL PRIMARY KEY,
  gebruiker_id      BIGINT UNSIGNED NOT NULL,
  csrf_token        CHAR(43) NOT NULL,
  aangemaakt_op     DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  laatst_gebruikt_op DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  adres             VARCHAR(64) NOT NULL DEFAULT '',
  KEY sessie_gebruiker (gebruiker_id),
  CONSTRAINT fk_sessie_gebruiker FOREIGN KEY (gebruiker_id) REFERENCES gebruiker (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Bearer tokens for integrations; act as gebruiker_id with its grants.
CREATE TABLE api_token (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  naam            VARCHAR(200) NOT NULL,
  token_hash      CHAR(64) NOT NULL,
  gebruiker_id    BIGINT UNSIGNED NOT NULL,
  aangemaakt_door BIGINT UNSIGNED NOT NULL,
  aangemaakt_op   DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  ingetrokken_op  DATETIME(6) NULL,
  versie          INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY api_token_hash (token_hash),
  KEY api_token_gebruiker (gebruiker_id),
  CONSTRAINT fk_token_gebruiker FOREIGN KEY (gebruiker_id) REFERENCES gebruiker (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One-time links to set a password (new users, forgotten passwords).
CREATE TABLE wachtwoord_link (
  token_hash    CHAR(64) NOT NULL PRIMARY KEY,
  gebruiker_id  BIGINT UNSIGNED NOT NULL,
  aangemaakt_op DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  verloopt_op   DATETIME(6) NOT NULL,
  gebruikt_op   DATETIME(6) NULL,
  KEY wachtwoord_link_gebruiker (gebruiker_id),
  CONSTRAINT fk_link_gebruiker FOREIGN KEY (gebruiker_id) REFERENCES gebruiker (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Failed log-ins, per account name and per client address, for throttling
-- shared by every worker and host. Old rows are deleted as they age out.
CREATE TABLE inlogpoging (
  id        BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  soort     ENUM('account','adres') NOT NULL,
  sleutel   VARCHAR(128) NOT NULL,
  tijdstip  DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  KEY inlogpoging_sleutel (soort, sleutel, tijdstip)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Idempotency-Key: the answer to a create, replayed when the same client
-- sends the same key again.
CREATE TABLE idempotentie (
  gebruiker_id  BIGINT UNSIGNED NOT NULL,
  sleutel       VARCHAR(128) NOT NULL,
  route         VARCHAR(255) NOT NULL,
  status        SMALLINT UNSIGNED NOT NULL,
  locatie       VARCHAR(255) NULL,
  body          MEDIUMTEXT NOT NULL,
  aangemaakt_op DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (gebruiker_id, sleutel)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The audit log: append-only for the application (INSERT and SELECT only).
CREATE TABLE audit (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tijdstip      DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  gebruiker_id  BIGINT UNSIGNED NULL,       -- who (NULL: anonymous)
  namens_id     BIGINT UNSIGNED NULL,       -- on whose behalf, when not the same
  token_id      BIGINT UNSIGNED NULL,       -- the API token used, if any
  actie         VARCHAR(64)  NOT NULL,      -- e.g. inloggen, aanmaken, wijzigen
  object_soort  VARCHAR(64)  NOT NULL DEFAULT '',
  object_id     BIGINT UNSIGNED NULL,
  route         VARCHAR(255) NOT NULL DEFAULT '',
  resultaat     ENUM('gelukt','geweigerd','mislukt') NOT NULL,
  adres         VARCHAR(64)  NOT NULL DEFAULT '',
  toelichting   VARCHAR(500) NOT NULL DEFAULT '',
  KEY audit_tijdstip (tijdstip),
  KEY audit_gebruiker (gebruiker_id, tijdstip),
  KEY audit_object (object_soort, object_id, tijdstip)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Opdrachten: the brede opdracht and each aanvullende opdracht.
CREATE TABLE opdracht (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code          VARCHAR(32)  NOT NULL,
  naam          VARCHAR(200) NOT NULL,
  soort         ENUM('breed','aanvullend') NOT NULL,
  keten_id      BIGINT UNSIGNED NOT NULL,
  financiering  ENUM('lumpsum','incidenteel','rijksmiddelen') NOT NULL,
  geldig_van    DATE NOT NULL,
  geldig_tot    DATE NULL,
  versie        INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY opdracht_code (code),
  KEY opdracht_keten (keten_id),
  CONSTRAINT fk_opdracht_keten FOREIGN KEY (keten_id) REFERENCES keten (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Budget per opdracht per organisatie per year, in euro.
CREATE TABLE opdracht_budget (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  opdracht_id     BIGINT UNSIGNED NOT NULL,
  organisatie_id  BIGINT UNSIGNED NOT NULL,
  jaar            SMALLINT UNSIGNED NOT NULL,
  bedrag          DECIMAL(14,2) NOT NULL,
  versie          INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY opdracht_budget_uniek (opdracht_id, organisatie_id, jaar),
  KEY opdracht_budget_org (organisatie_id),
  CONSTRAINT fk_budget_opdracht FOREIGN KEY (opdracht_id) REFERENCES opdracht (id),
  CONSTRAINT fk_budget_organisatie FOREIGN KEY (organisatie_id) REFERENCES organisatie (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Eisen from the Programma van Eisen (pve) or an Uitvoeringsovereenkomst (uvo).
CREATE TABLE eis (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  opdracht_id   BIGINT UNSIGNED NOT NULL,
  code          VARCHAR(32)   NOT NULL,
  omschrijving  VARCHAR(2000) NOT NULL,
  bron          ENUM('pve','uvo') NOT NULL,
  geldig_van    DATE NOT NULL,
  geldig_tot    DATE NULL,
  versie        INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY eis_code (opdracht_id, code),
  CONSTRAINT fk_eis_opdracht FOREIGN KEY (opdracht_id) REFERENCES opdracht (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What the application role may do, table by table (001's tables too).
GRANT SELECT, INSERT, UPDATE ON organisatie TO wijkzicht_app_rol;
GRANT SELECT, INSERT, UPDATE ON wijk TO wijkzicht_app_rol;
GRANT SELECT, INSERT, UPDATE ON wijkteam TO wijkzicht_app_rol;
GRANT SELECT, INSERT, UPDATE ON wijkteam_organisatie TO wijkzicht_app_rol;
GRANT SELECT, INSERT, UPDATE ON wijkteam_wijk TO wijkzicht_app_rol;
GRANT SELECT, INSERT, UPDATE ON keten TO wijkzicht_app_rol;
GRANT SELECT, INSERT, UPDATE ON thema TO wijkzicht_app_rol;
GRANT SELECT, INSERT, UPDATE ON opdracht TO wijkzicht_app_rol;
GRANT SELECT, INSERT, UPDATE ON opdracht_budget TO wijkzicht_app_rol;
GRANT SELECT, INSERT, UPDATE ON eis TO wijkzicht_app_rol;
GRANT SELECT, INSERT, UPDATE ON gebruiker TO wijkzicht_app_rol;
GRANT SELECT, INSERT, DELETE ON toekenning TO wijkzicht_app_rol;
GRANT SELECT, INSERT, UPDATE, DELETE ON sessie TO wijkzicht_app_rol;
GRANT SELECT, INSERT, UPDATE ON api_token TO wijkzicht_app_rol;
GRANT SELECT, INSERT, UPDATE ON wachtwoord_link TO wijkzicht_app_rol;
GRANT SELECT, INSERT, DELETE ON inlogpoging TO wijkzicht_app_rol;
GRANT SELECT, INSERT, DELETE ON idempotentie TO wijkzicht_app_rol;
GRANT SELECT, INSERT ON audit TO wijkzicht_app_rol;
