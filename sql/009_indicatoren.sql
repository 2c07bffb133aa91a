-- 009_indicatoren.sql — indicators and live figures (issue 10): the
-- catalogue, the wijk history of inwoners, and two projections the figure
-- service reads instead of deriving over millions of events per request.
--
-- Both projections are rewritten per inwoner by the one projection writer
-- (store/cijfer.c, through ops_projecties_bijwerken and the importer), in
-- the transaction of every event, correctie, move and import, from all of
-- the inwoner's events: they never disagree with the events, and
-- `wijkzicht cijfers-controle` recomputes them to prove it.

-- Where an inwoner lived, over time: a figure counts for the wijk of the
-- event's day. van inclusive, tot exclusive ('9999-12-31': still there).
-- A move is recorded on the day it is registered; the first row of an
-- inwoner starts at 1900-01-01, since a registration (or an import of a
-- team's history) knows no earlier wijk.
CREATE TABLE inwoner_wijk (
  inwoner_id  BIGINT UNSIGNED NOT NULL,
  van         DATE NOT NULL,
  tot         DATE NOT NULL DEFAULT '9999-12-31',
  wijk_id     BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (inwoner_id, van),
  CONSTRAINT fk_iw_inwoner FOREIGN KEY (inwoner_id) REFERENCES inwoner (id),
  CONSTRAINT fk_iw_wijk FOREIGN KEY (wijk_id) REFERENCES wijk (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO inwoner_wijk (inwoner_id, van, wijk_id)
SELECT id, '1900-01-01', wijk_id FROM inwoner;

-- The catalogue. One row per version: a change of rule or definition of an
-- indicator in use makes a new row with the same code and nummer + 1
-- (vorige_id the one before); actief marks the current version of a code.
-- in_gebruik: figures of this version have been given out, so its meaning
-- may no longer change in place.
CREATE TABLE indicator (
  id                      BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code                    VARCHAR(64) NOT NULL,
  nummer                  INT UNSIGNED NOT NULL DEFAULT 1,
  vorige_id               BIGINT UNSIGNED NULL,
  actief                  TINYINT(1) NOT NULL DEFAULT 1,
  naam                    VARCHAR(200) NOT NULL,
  definitie               TEXT NOT NULL,
  doel                    TEXT NOT NULL,
  eenheid                 ENUM('aantal','percentage','dagen','euro','fte','tekst') NOT NULL,
  keten_id                BIGINT UNSIGNED NOT NULL,
  thema_id                BIGINT UNSIGNED NULL,
  drempel_vorige_periode  SMALLINT UNSIGNED NOT NULL DEFAULT 25,
  bron                    ENUM('berekend','handmatig','ketenpartner') NOT NULL,
  aanleverende_partij     ENUM('werkom','uitkeringen','naleving') NULL,
  regel                   LONGTEXT NULL CHECK (regel IS NULL OR JSON_VALID(regel)),
  in_gebruik              TINYINT(1) NOT NULL DEFAULT 0,
  aangemaakt              DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  versie                  INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY indicator_code_nummer (code, nummer),
  KEY indicator_keten (keten_id, actief, code),
  CONSTRAINT fk_ind_keten FOREIGN KEY (keten_id) REFERENCES keten (id),
  CONSTRAINT fk_ind_thema FOREIGN KEY (thema_id) REFERENCES thema (id),
  CONSTRAINT fk_ind_vorige FOREIGN KEY (vorige_id) REFERENCES indicator (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The eisen (of the Programma van Eisen or the Uitvoeringsovereenkomst,
-- table eis) an indicator version serves.
CREATE TABLE indicator_eis (
  indicator_id  BIGINT UNSIGNED NOT NULL,
  eis_id        BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (indicator_id, eis_id),
  KEY indicator_eis_eis (eis_id),
  CONSTRAINT fk_ie_indicator FOREIGN KEY (indicator_id) REFERENCES indicator (id),
  CONSTRAINT fk_ie_eis FOREIGN KEY (eis_id) REFERENCES eis (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every standing event (not voided, not a correctie) as the figures count
-- it: for the organisatie of its traject and the wijk of its day. The
-- primary key is the figure query's range (one organisatie, one type, a
-- period), so a count reads its rows in order from one place.
CREATE TABLE cijfer_feit (
  organisatie_id  BIGINT UNSIGNED NOT NULL,
  type            VARCHAR(40) NOT NULL,
  datum           DATE NOT NULL,
  gebeurtenis_id  BIGINT UNSIGNED NOT NULL,
  inwoner_id      BIGINT UNSIGNED NOT NULL,
  traject_id      BIGINT UNSIGNED NOT NULL,
  wijk_id         BIGINT UNSIGNED NOT NULL,
  kenmerken       VARCHAR(255) NOT NULL DEFAULT '',
  PRIMARY KEY (organisatie_id, type, datum, gebeurtenis_id),
  UNIQUE KEY cijfer_feit_gebeurtenis (gebeurtenis_id),
  KEY cijfer_feit_inwoner (inwoner_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The ketenstatus over time: per inwoner the intervals in which a state
-- held (domain/verloop.c, with the transitions of domain/ketenstatus.c),
-- split where the wijk changes, for the organisatie it counts for. A stand
-- on day D reads the rows with tot > D (ordered in the key) and van <= D.
CREATE TABLE ketenstatus_verloop (
  organisatie_id  BIGINT UNSIGNED NOT NULL,
  toestand        ENUM('op_wachtlijst','bij_wijkteam','bij_werkom','bij_naleving',
                       'bij_uwv','overdracht_open') NOT NULL,
  tot             DATE NOT NULL,
  van             DATE NOT NULL,
  inwoner_id      BIGINT UNSIGNED NOT NULL,
  wijk_id         BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (organisatie_id, toestand, tot, van, inwoner_id),
  KEY ketenstatus_verloop_inwoner (inwoner_id, van)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

GRANT SELECT, INSERT, UPDATE ON inwoner_wijk TO wijkzicht_app_rol;
GRANT SELECT, INSERT, UPDATE ON indicator TO wijkzicht_app_rol;
GRANT SELECT, INSERT, DELETE ON indicator_eis TO wijkzicht_app_rol;
GRANT SELECT, INSERT, DELETE ON cijfer_feit TO wijkzicht_app_rol;
GRANT SELECT, INSERT, DELETE ON ketenstatus_verloop TO wijkzicht_app_rol;
