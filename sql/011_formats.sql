-- 011_formats.sql — rapportage formats in versions, the consultation of a
-- version, and streefwaarden (issue 11).
--
-- The audit letter (Bijlage 2 §3; Deelconclusie 1 and 4; Aanbeveling 1):
-- formats were "te ongericht en veelomvattend", changed mid-period,
-- carried indicators nobody could explain and indicators without targets,
-- and the eisen of the PvE and the UO did not match the indicators. So a
-- format is versioned and a published version never changes; a version
-- names, per indicator, whether it continues one of the version before
-- (the lineage a trend line follows); the teams are asked before it is
-- published; and every target has a direction, a tolerance, a reason and
-- a history.

-- A rapportage format of one keten ("Rapportage participatie").
CREATE TABLE format (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code          VARCHAR(64) NOT NULL,
  naam          VARCHAR(200) NOT NULL,
  omschrijving  TEXT NOT NULL,
  keten_id      BIGINT UNSIGNED NOT NULL,
  aangemaakt    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  versie        INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY format_code (code),
  KEY format_keten (keten_id),
  CONSTRAINT fk_format_keten FOREIGN KEY (keten_id) REFERENCES keten (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A version of a format: nummer 1, 2, ... per format. eerste_periode is
-- the code of the first period it applies to ('2024-H1'; the period's
-- kind is the rapportage's), eerste_dag that period's first day, so that
-- versions order by when they apply. A version applies from its first
-- period until the first period of the next published one.
--
-- status follows the workflow 'formatversie' (domain/workflow.c):
-- concept → consultatie → gepubliceerd; only a concept changes. At
-- publication: when, by whom, whether the version was out for
-- consultation, and — when its first period had already begun
-- (midden_in_periode) — the reason, which every rapportage of that period
-- shows with its date.
CREATE TABLE formatversie (
  id                   BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  format_id            BIGINT UNSIGNED NOT NULL,
  nummer               INT UNSIGNED NOT NULL,
  eerste_periode       VARCHAR(8) NOT NULL,
  eerste_dag           DATE NOT NULL,
  indientermijn_dagen  SMALLINT UNSIGNED NOT NULL DEFAULT 42,
  toelichting          TEXT NOT NULL,
  status               ENUM('concept','consultatie','gepubliceerd') NOT NULL DEFAULT 'concept',
  consultatie_van      DATETIME NULL,
  gepubliceerd_op      DATETIME NULL,
  gepubliceerd_door    BIGINT UNSIGNED NULL,
  midden_in_periode    TINYINT(1) NOT NULL DEFAULT 0,
  publicatie_reden     TEXT NULL,
  aangemaakt           DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  versie               INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY formatversie_nummer (format_id, nummer),
  KEY formatversie_status (status, format_id),
  CONSTRAINT fk_fv_format FOREIGN KEY (format_id) REFERENCES format (id),
  CONSTRAINT fk_fv_door FOREIGN KEY (gepubliceerd_door) REFERENCES gebruiker (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The sections of a version, in order.
CREATE TABLE formatversie_sectie (
  id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  formatversie_id  BIGINT UNSIGNED NOT NULL,
  volgorde         SMALLINT UNSIGNED NOT NULL,
  titel            VARCHAR(200) NOT NULL,
  UNIQUE KEY fvs_volgorde (formatversie_id, volgorde),
  CONSTRAINT fk_fvs_versie FOREIGN KEY (formatversie_id) REFERENCES formatversie (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What a section asks, in order: an indicator version (pinned by id: a
-- later version of the indicator does not change a published format), an
-- eis to be answered voldaan / deels / niet, or an open question.
--
-- Lineage, for an indicator of a version with a predecessor: lijn
-- 'vergelijkbaar' with vorige_indicator_id an indicator of the previous
-- version whose series it continues, or 'niet_vergelijkbaar' (the series
-- breaks); NULL while not yet said (a version cannot be published so),
-- and always NULL in a first version.
CREATE TABLE formatversie_item (
  id                   BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  formatversie_id      BIGINT UNSIGNED NOT NULL,
  sectie_id            BIGINT UNSIGNED NOT NULL,
  volgorde             SMALLINT UNSIGNED NOT NULL,
  soort                ENUM('indicator','eis','vraag') NOT NULL,
  indicator_id         BIGINT UNSIGNED NULL,
  eis_id               BIGINT UNSIGNED NULL,
  vraag                VARCHAR(2000) NULL,
  lijn                 ENUM('vergelijkbaar','niet_vergelijkbaar') NULL,
  vorige_indicator_id  BIGINT UNSIGNED NULL,
  UNIQUE KEY fvi_volgorde (sectie_id, volgorde),
  KEY fvi_versie (formatversie_id, soort),
  KEY fvi_indicator (indicator_id),
  CONSTRAINT fk_fvi_versie FOREIGN KEY (formatversie_id) REFERENCES formatversie (id),
  CONSTRAINT fk_fvi_sectie FOREIGN KEY (sectie_id) REFERENCES formatversie_sectie (id),
  CONSTRAINT fk_fvi_indicator FOREIGN KEY (indicator_id) REFERENCES indicator (id),
  CONSTRAINT fk_fvi_eis FOREIGN KEY (eis_id) REFERENCES eis (id),
  CONSTRAINT fk_fvi_vorige FOREIGN KEY (vorige_indicator_id) REFERENCES indicator (id),
  CONSTRAINT fvi_soort CHECK (
    (soort = 'indicator' AND indicator_id IS NOT NULL AND eis_id IS NULL AND vraag IS NULL) OR
    (soort = 'eis' AND eis_id IS NOT NULL AND indicator_id IS NULL AND vraag IS NULL
       AND lijn IS NULL AND vorige_indicator_id IS NULL) OR
    (soort = 'vraag' AND vraag IS NOT NULL AND indicator_id IS NULL AND eis_id IS NULL
       AND lijn IS NULL AND vorige_indicator_id IS NULL)),
  CONSTRAINT fvi_lijn CHECK ((lijn = 'vergelijkbaar') = (vorige_indicator_id IS NOT NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The organisaties a version was put out for consultation to.
CREATE TABLE formatversie_consultatie (
  formatversie_id  BIGINT UNSIGNED NOT NULL,
  organisatie_id   BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (formatversie_id, organisatie_id),
  CONSTRAINT fk_fvc_versie FOREIGN KEY (formatversie_id) REFERENCES formatversie (id),
  CONSTRAINT fk_fvc_org FOREIGN KEY (organisatie_id) REFERENCES organisatie (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A teamleider's comment on one item of a version in consultation, on
-- behalf of their organisatie, and the regisseur's answer. Comments stay
-- with the version (never deleted). A version taken back from
-- consultation to concept may lose the item a comment was about: item_id
-- becomes NULL and onderwerp still says what it was ("indicator
-- wachtlijst_stand", "eis P-3", the first words of a question).
CREATE TABLE formatversie_reactie (
  id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  formatversie_id  BIGINT UNSIGNED NOT NULL,
  item_id          BIGINT UNSIGNED NULL,
  onderwerp        VARCHAR(300) NOT NULL,
  organisatie_id   BIGINT UNSIGNED NOT NULL,
  gebruiker_id     BIGINT UNSIGNED NOT NULL,
  oordeel          ENUM('nodig','niet_nodig','onduidelijk') NOT NULL,
  opmerking        TEXT NOT NULL,
  aangemaakt       DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  antwoord         TEXT NULL,
  beantwoord_door  BIGINT UNSIGNED NULL,
  beantwoord_op    DATETIME NULL,
  versie           INT UNSIGNED NOT NULL DEFAULT 1,
  KEY fvr_versie (formatversie_id, item_id),
  CONSTRAINT fk_fvr_versie FOREIGN KEY (formatversie_id) REFERENCES formatversie (id),
  CONSTRAINT fk_fvr_item FOREIGN KEY (item_id) REFERENCES formatversie_item (id) ON DELETE SET NULL,
  CONSTRAINT fk_fvr_org FOREIGN KEY (organisatie_id) REFERENCES organisatie (id),
  CONSTRAINT fk_fvr_gebruiker FOREIGN KEY (gebruiker_id) REFERENCES gebruiker (id),
  CONSTRAINT fk_fvr_door FOREIGN KEY (beantwoord_door) REFERENCES gebruiker (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A target of one indicator (a version: its meaning is pinned) for one
-- period — a half-year or a year — for the gemeente as a whole
-- (organisatie_id and wijk_id NULL), or for one organisatie, one wijk, or
-- one organisatie in one wijk. bereik is that scope as one key, so that
-- each scope has at most one target per period (NULLs would not collide
-- in a UNIQUE key).
--
-- richting hoger_beter / lager_beter with waarde, or bandbreedte with
-- ondergrens <= bovengrens; tolerantie (NULL: none) in the indicator's
-- unit (absoluut) or as a percentage of the target (procent). The row is
-- the current state; streefwaarde_historie holds every state it had, with
-- its reason.
CREATE TABLE streefwaarde (
  id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  indicator_id      BIGINT UNSIGNED NOT NULL,
  periode           VARCHAR(8) NOT NULL,
  organisatie_id    BIGINT UNSIGNED NULL,
  wijk_id           BIGINT UNSIGNED NULL,
  bereik            VARCHAR(48) AS (CONCAT(IFNULL(organisatie_id, 0), '-', IFNULL(wijk_id, 0))) PERSISTENT,
  richting          ENUM('hoger_beter','lager_beter','bandbreedte') NOT NULL,
  waarde            DECIMAL(18,4) NULL,
  ondergrens        DECIMAL(18,4) NULL,
  bovengrens        DECIMAL(18,4) NULL,
  tolerantie        DECIMAL(18,4) NULL,
  tolerantie_soort  ENUM('absoluut','procent') NOT NULL DEFAULT 'absoluut',
  reden             TEXT NOT NULL,
  gewijzigd_door    BIGINT UNSIGNED NOT NULL,
  gewijzigd_op      DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  versie            INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY streefwaarde_uniek (indicator_id, periode, bereik),
  KEY streefwaarde_periode (periode, indicator_id),
  CONSTRAINT fk_sw_indicator FOREIGN KEY (indicator_id) REFERENCES indicator (id),
  CONSTRAINT fk_sw_org FOREIGN KEY (organisatie_id) REFERENCES organisatie (id),
  CONSTRAINT fk_sw_wijk FOREIGN KEY (wijk_id) REFERENCES wijk (id),
  CONSTRAINT fk_sw_door FOREIGN KEY (gewijzigd_door) REFERENCES gebruiker (id),
  CONSTRAINT sw_richting CHECK (
    (richting IN ('hoger_beter','lager_beter') AND waarde IS NOT NULL
       AND ondergrens IS NULL AND bovengrens IS NULL) OR
    (richting = 'bandbreedte' AND waarde IS NULL AND ondergrens IS NOT NULL
       AND bovengrens IS NOT NULL AND ondergrens <= bovengrens)),
  CONSTRAINT sw_tolerantie CHECK (tolerantie IS NULL OR tolerantie >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every state of a streefwaarde (versie 1 is its creation), append-only.
CREATE TABLE streefwaarde_historie (
  streefwaarde_id   BIGINT UNSIGNED NOT NULL,
  versie            INT UNSIGNED NOT NULL,
  richting          ENUM('hoger_beter','lager_beter','bandbreedte') NOT NULL,
  waarde            DECIMAL(18,4) NULL,
  ondergrens        DECIMAL(18,4) NULL,
  bovengrens        DECIMAL(18,4) NULL,
  tolerantie        DECIMAL(18,4) NULL,
  tolerantie_soort  ENUM('absoluut','procent') NOT NULL,
  reden             TEXT NOT NULL,
  gewijzigd_door    BIGINT UNSIGNED NOT NULL,
  gewijzigd_op      DATETIME NOT NULL,
  PRIMARY KEY (streefwaarde_id, versie),
  CONSTRAINT fk_swh_sw FOREIGN KEY (streefwaarde_id) REFERENCES streefwaarde (id),
  CONSTRAINT fk_swh_door FOREIGN KEY (gewijzigd_door) REFERENCES gebruiker (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

GRANT SELECT, INSERT, UPDATE ON format TO wijkzicht_app_rol;
GRANT SELECT, INSERT, UPDATE ON formatversie TO wijkzicht_app_rol;
-- A concept's content is replaced as a whole (sections and items).
GRANT SELECT, INSERT, DELETE ON formatversie_sectie TO wijkzicht_app_rol;
GRANT SELECT, INSERT, DELETE ON formatversie_item TO wijkzicht_app_rol;
GRANT SELECT, INSERT ON formatversie_consultatie TO wijkzicht_app_rol;
GRANT SELECT, INSERT, UPDATE ON formatversie_reactie TO wijkzicht_app_rol;
GRANT SELECT, INSERT, UPDATE ON streefwaarde TO wijkzicht_app_rol;
GRANT SELECT, INSERT ON streefwaarde_historie TO wijkzicht_app_rol;
