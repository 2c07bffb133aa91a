-- 004_registratie.sql — registration: inwoners, trajecten, gebeurtenissen,
-- the ketenstatus derived from them, who may see which inwoner, imports.
-- DESIGN.md section 2 (Registration); issue 4.
--
-- Personal data is minimal: name, birth year, wijk, optional BSN. The BSN
-- is never stored in clear: bsn_versleuteld is a libsodium secretbox
-- (core/seal.h), bsn_hash a keyed BLAKE2b for exact lookup.

-- Which party of the keten an organisatie is, for ketenpartners and
-- gemeentelijke afdelingen: what their employees may register and see
-- (domain/gebeurtenis.h). NULL for everyone else.
ALTER TABLE organisatie
  ADD COLUMN keten_partij ENUM('werkom','uitkeringen','naleving') NULL AFTER soort;

CREATE TABLE inwoner (
  id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  naam             VARCHAR(200) NOT NULL,
  geboortejaar     SMALLINT UNSIGNED NOT NULL,
  wijk_id          BIGINT UNSIGNED NOT NULL,
  bsn_versleuteld  VARCHAR(100) NULL,
  bsn_hash         CHAR(64) NULL,
  -- The wijkteamorganisatie that registered the inwoner. One organisation
  -- holds one record per BSN; another organisation that meets the same
  -- resident registers its own (no existence of a record elsewhere leaks).
  organisatie_id   BIGINT UNSIGNED NOT NULL,
  -- The key of the row in the team's own registration an import came
  -- from (e.g. a dossiernummer): importing the same file again finds it.
  extern_kenmerk   VARCHAR(64) NULL,
  aangemaakt       DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  versie           INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY inwoner_bsn (organisatie_id, bsn_hash),
  UNIQUE KEY inwoner_kenmerk (organisatie_id, extern_kenmerk),
  KEY inwoner_wijk (wijk_id),
  FULLTEXT KEY inwoner_naam_ft (naam),
  CONSTRAINT fk_inwoner_wijk FOREIGN KEY (wijk_id) REFERENCES wijk (id),
  CONSTRAINT fk_inwoner_org FOREIGN KEY (organisatie_id) REFERENCES organisatie (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who may see an inwoner: the scope filter of every query on personal
-- data joins this table. A wijkteamorganisatie gets a row when it
-- registers the inwoner or opens a traject for them; a ketenpartner when an
-- event it may see is registered (its keten). Rows are never removed by the
-- application: what a party once needed to know stays visible to it.
CREATE TABLE inwoner_toegang (
  organisatie_id  BIGINT UNSIGNED NOT NULL,
  inwoner_id      BIGINT UNSIGNED NOT NULL,
  sinds           DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (organisatie_id, inwoner_id),
  KEY inwoner_toegang_inwoner (inwoner_id),
  CONSTRAINT fk_it_org FOREIGN KEY (organisatie_id) REFERENCES organisatie (id),
  CONSTRAINT fk_it_inwoner FOREIGN KEY (inwoner_id) REFERENCES inwoner (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE traject (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  inwoner_id      BIGINT UNSIGNED NOT NULL,
  soort           VARCHAR(40) NOT NULL,
  thema_id        BIGINT UNSIGNED NOT NULL,
  opdracht_id     BIGINT UNSIGNED NOT NULL,
  wijkteam_id     BIGINT UNSIGNED NOT NULL,
  -- The organisatie that ran the wijkteam on the start date: the traject
  -- stays theirs (their registration, their rapportage).
  organisatie_id  BIGINT UNSIGNED NOT NULL,
  startdatum      DATE NOT NULL,
  einddatum       DATE NULL,
  aangemaakt      DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  versie          INT UNSIGNED NOT NULL DEFAULT 1,
  KEY traject_inwoner (inwoner_id),
  KEY traject_org (organisatie_id, startdatum),
  CONSTRAINT fk_traject_inwoner FOREIGN KEY (inwoner_id) REFERENCES inwoner (id),
  CONSTRAINT fk_traject_thema FOREIGN KEY (thema_id) REFERENCES thema (id),
  CONSTRAINT fk_traject_opdracht FOREIGN KEY (opdracht_id) REFERENCES opdracht (id),
  CONSTRAINT fk_traject_wijkteam FOREIGN KEY (wijkteam_id) REFERENCES wijkteam (id),
  CONSTRAINT fk_traject_org FOREIGN KEY (organisatie_id) REFERENCES organisatie (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Immutable events: the application role may INSERT and SELECT only.
CREATE TABLE gebeurtenis (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  inwoner_id      BIGINT UNSIGNED NOT NULL,
  traject_id      BIGINT UNSIGNED NOT NULL,
  type            VARCHAR(40) NOT NULL,
  datum           DATE NOT NULL,
  gegevens        LONGTEXT NOT NULL CHECK (JSON_VALID(gegevens)),
  -- correctie: the event it voids; unique, so nothing is voided twice.
  vervalt_id      BIGINT UNSIGNED NULL,
  partij          ENUM('wijkteam','werkom','uitkeringen','naleving') NOT NULL,
  organisatie_id  BIGINT UNSIGNED NOT NULL,
  gebruiker_id    BIGINT UNSIGNED NOT NULL,
  geregistreerd   DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  UNIQUE KEY gebeurtenis_vervalt (vervalt_id),
  KEY gebeurtenis_inwoner (inwoner_id, datum, id),
  KEY gebeurtenis_traject (traject_id),
  KEY gebeurtenis_org (organisatie_id, datum),
  CONSTRAINT fk_geb_inwoner FOREIGN KEY (inwoner_id) REFERENCES inwoner (id),
  CONSTRAINT fk_geb_traject FOREIGN KEY (traject_id) REFERENCES traject (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The ketenstatus of each inwoner with events: a projection, rewritten
-- from all their events by domain/ketenstatus.c in the transaction of
-- every event, so it never disagrees with them. It exists so that lists
-- (wachtlijst, reconciliation) are index reads, not derivations over
-- millions of events.
CREATE TABLE ketenstatus (
  inwoner_id               BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  partij                   ENUM('geen','wijkteam','werkom','naleving','uwv') NOT NULL,
  wijkteam_id              BIGINT UNSIGNED NULL,
  sinds                    DATE NULL,
  wachtlijst_wijkteam_id   BIGINT UNSIGNED NULL,   -- NULL: not on a wachtlijst
  wachtlijst_sinds         DATE NULL,
  afgewezen_op             DATE NULL,   -- uitkering refused while on the wachtlijst
  overdracht_sinds         DATE NULL,   -- overdracht to Werkom not yet answered
  terug_zonder_overdracht  DATE NULL,   -- return from Werkom without a handover
  terug_id                 BIGINT UNSIGNED NULL,
  bijgewerkt               DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY ketenstatus_wachtlijst (wachtlijst_wijkteam_id, wachtlijst_sinds),
  KEY ketenstatus_overdracht (overdracht_sinds),
  KEY ketenstatus_terug (terug_zonder_overdracht),
  CONSTRAINT fk_ks_inwoner FOREIGN KEY (inwoner_id) REFERENCES inwoner (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Imports of a team's Excel registration (CSV). The file is kept in the
-- database in blocks, so any worker on any host can run the dry run and
-- the import; ingelezen_sha256 is set when the import is committed, so the
-- same file cannot be committed twice by one organisation.
CREATE TABLE import (
  id                 BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  organisatie_id     BIGINT UNSIGNED NOT NULL,
  gebruiker_id       BIGINT UNSIGNED NOT NULL,
  bestandsnaam       VARCHAR(255) NOT NULL,
  sha256             CHAR(64) NOT NULL,
  grootte            BIGINT UNSIGNED NOT NULL,
  rijen              INT UNSIGNED NOT NULL DEFAULT 0,
  kolommen           LONGTEXT NOT NULL CHECK (JSON_VALID(kolommen)),
  mapping            LONGTEXT NULL CHECK (mapping IS NULL OR JSON_VALID(mapping)),
  status             ENUM('geupload','gecontroleerd','ingelezen','mislukt') NOT NULL,
  resultaat          LONGTEXT NULL CHECK (resultaat IS NULL OR JSON_VALID(resultaat)),
  ingelezen_sha256   CHAR(64) NULL,
  aangemaakt         DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  ingelezen_op       DATETIME NULL,
  versie             INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY import_eenmaal (organisatie_id, ingelezen_sha256),
  KEY import_org (organisatie_id, id),
  CONSTRAINT fk_import_org FOREIGN KEY (organisatie_id) REFERENCES organisatie (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE import_blok (
  import_id  BIGINT UNSIGNED NOT NULL,
  nr         INT UNSIGNED NOT NULL,
  data       MEDIUMBLOB NOT NULL,
  PRIMARY KEY (import_id, nr),
  CONSTRAINT fk_blok_import FOREIGN KEY (import_id) REFERENCES import (id)
) ENGINE=InnoDB;

-- The column mapping an organisation saved for its file layout.
CREATE TABLE import_mapping (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  organisatie_id  BIGINT UNSIGNED NOT NULL,
  mapping         LONGTEXT NOT NULL CHECK (JSON_VALID(mapping)),
  gewijzigd       DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  versie          INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY import_mapping_org (organisatie_id),
  CONSTRAINT fk_mapping_org FOREIGN KEY (organisatie_id) REFERENCES organisatie (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Audit rows about an inwoner (NEN 7513: whose data, for what purpose).
ALTER TABLE audit
  ADD COLUMN inwoner_id BIGINT UNSIGNED NULL AFTER object_id,
  ADD COLUMN doel VARCHAR(64) NOT NULL DEFAULT '' AFTER inwoner_id,
  ADD KEY audit_inwoner (inwoner_id, tijdstip);

GRANT SELECT, INSERT, UPDATE ON inwoner TO wijkzicht_app_rol;
GRANT SELECT, INSERT ON inwoner_toegang TO wijkzicht_app_rol;
GRANT SELECT, INSERT, UPDATE ON traject TO wijkzicht_app_rol;
GRANT SELECT, INSERT ON gebeurtenis TO wijkzicht_app_rol;
GRANT SELECT, INSERT, UPDATE ON ketenstatus TO wijkzicht_app_rol;
GRANT SELECT, INSERT, UPDATE ON import TO wijkzicht_app_rol;
GRANT SELECT, INSERT, DELETE ON import_blok TO wijkzicht_app_rol;
GRANT SELECT, INSERT, UPDATE ON import_mapping TO wijkzicht_app_rol;
