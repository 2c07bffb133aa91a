-- 012_rapportages.sql — rapportages that fill themselves (issue 12).
--
-- The audit letter (Bijlage 2 §3; Deelconclusie 1 and 4): teams assembled
-- 13–21 page reports by hand from Excel and from numbers they had to ask
-- Uitkeringen, Naleving and Werkom for; some requests could not be met
-- and stayed in the format; the gemeente did not say what it did with
-- what was delivered; nobody could later say which figures were agreed.
-- So a rapportage is one row per organisatie × format × periode whose
-- values are computed from the registrations while it is a concept and
-- frozen when it is ingediend; each change of state is recorded with who,
-- when and why; a vaststelling carries the gemeente's terugkoppeling, and
-- a value that changes between two vaststellingen leaves a marker.

-- status follows the workflow 'rapportage' (domain/workflow.c):
-- concept → ingediend → vastgesteld, terugsturen and heropenen back to
-- concept. ronde counts the vaststellingen (the revision markers say
-- between which two a value changed). formatversie_id may change while
-- the rapportage is a concept (the teamleider switches to a newer
-- version); format_id never does, so there is one rapportage of a
-- format per organisatie and periode.
CREATE TABLE rapportage (
  id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  format_id         BIGINT UNSIGNED NOT NULL,
  formatversie_id   BIGINT UNSIGNED NOT NULL,
  organisatie_id    BIGINT UNSIGNED NOT NULL,
  periode           VARCHAR(8) NOT NULL,
  eerste_dag        DATE NOT NULL,
  laatste_dag       DATE NOT NULL,
  status            ENUM('concept','ingediend','vastgesteld') NOT NULL DEFAULT 'concept',
  ronde             INT UNSIGNED NOT NULL DEFAULT 0,
  terugkoppeling    TEXT NULL,
  aangemaakt        DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  aangemaakt_door   BIGINT UNSIGNED NOT NULL,
  ingediend_op      DATETIME NULL,
  ingediend_door    BIGINT UNSIGNED NULL,
  vastgesteld_op    DATETIME NULL,
  vastgesteld_door  BIGINT UNSIGNED NULL,
  versie            INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY rapportage_uniek (organisatie_id, format_id, periode),
  KEY rapportage_versie (formatversie_id, periode),
  KEY rapportage_periode (periode, status),
  CONSTRAINT fk_rap_format FOREIGN KEY (format_id) REFERENCES format (id),
  CONSTRAINT fk_rap_versie FOREIGN KEY (formatversie_id) REFERENCES formatversie (id),
  CONSTRAINT fk_rap_org FOREIGN KEY (organisatie_id) REFERENCES organisatie (id),
  CONSTRAINT fk_rap_door FOREIGN KEY (aangemaakt_door) REFERENCES gebruiker (id),
  CONSTRAINT fk_rap_ingediend FOREIGN KEY (ingediend_door) REFERENCES gebruiker (id),
  CONSTRAINT fk_rap_vastgesteld FOREIGN KEY (vastgesteld_door) REFERENCES gebruiker (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One value of a rapportage: an indicator item of its formatversie for
-- one wijk of the organisatie in the periode (wijk_id 0: the
-- organisatie as a whole). Each row has its own versie, so that two
-- people editing different values do not collide.
--
-- What the team typed: waarde (a handmatig value, or a berekend one
-- overridden, which needs reden), tekst (eenheid tekst), niet_te_leveren
-- with its reden, and a toelichting. momentopname is what the
-- application computed when the rapportage was ingediend (the value, its
-- uitsplitsing, the previous period, the target and the status, and the
-- small-number pattern), JSON written and read by ops/rapportage_snapshot.c;
-- NULL while the rapportage is a concept: then it is computed live.
-- vastgesteld_* is the value as it was at the last vaststelling, from
-- which the next one's revision markers are made.
CREATE TABLE rapportage_waarde (
  id                      BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  rapportage_id           BIGINT UNSIGNED NOT NULL,
  item_id                 BIGINT UNSIGNED NOT NULL,
  indicator_id            BIGINT UNSIGNED NOT NULL,
  wijk_id                 BIGINT UNSIGNED NOT NULL DEFAULT 0,
  waarde                  DECIMAL(18,4) NULL,
  tekst                   TEXT NULL,
  reden                   TEXT NULL,
  niet_te_leveren         TINYINT(1) NOT NULL DEFAULT 0,
  niet_te_leveren_reden   TEXT NULL,
  toelichting             TEXT NULL,
  gewijzigd_door          BIGINT UNSIGNED NULL,
  gewijzigd_op            DATETIME NULL,
  momentopname            TEXT NULL CHECK (momentopname IS NULL OR JSON_VALID(momentopname)),
  vastgesteld_heeft       TINYINT(1) NOT NULL DEFAULT 0,
  vastgesteld_waarde      DECIMAL(18,4) NULL,
  vastgesteld_tekst       TEXT NULL,
  versie                  INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY rw_cel (rapportage_id, item_id, wijk_id),
  KEY rw_indicator (indicator_id),
  CONSTRAINT fk_rw_rap FOREIGN KEY (rapportage_id) REFERENCES rapportage (id),
  CONSTRAINT fk_rw_item FOREIGN KEY (item_id) REFERENCES formatversie_item (id),
  CONSTRAINT fk_rw_indicator FOREIGN KEY (indicator_id) REFERENCES indicator (id),
  CONSTRAINT fk_rw_door FOREIGN KEY (gewijzigd_door) REFERENCES gebruiker (id),
  CONSTRAINT rw_reden CHECK (niet_te_leveren = 0 OR niet_te_leveren_reden IS NOT NULL)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The answer to an eis (antwoord voldaan / deels / niet, toelichting) or
-- to an open question of the format (toelichting only), and for an eis
-- the gemeente's own beoordeling, given at vaststelling.
CREATE TABLE rapportage_antwoord (
  id                        BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  rapportage_id             BIGINT UNSIGNED NOT NULL,
  item_id                   BIGINT UNSIGNED NOT NULL,
  soort                     ENUM('eis','vraag') NOT NULL,
  eis_id                    BIGINT UNSIGNED NULL,
  antwoord                  ENUM('voldaan','deels','niet') NULL,
  toelichting               TEXT NULL,
  beoordeling               ENUM('voldaan','deels','niet') NULL,
  beoordeling_toelichting   TEXT NULL,
  gewijzigd_door            BIGINT UNSIGNED NULL,
  gewijzigd_op              DATETIME NULL,
  versie                    INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY ra_item (rapportage_id, item_id),
  CONSTRAINT fk_ra_rap FOREIGN KEY (rapportage_id) REFERENCES rapportage (id),
  CONSTRAINT fk_ra_item FOREIGN KEY (item_id) REFERENCES formatversie_item (id),
  CONSTRAINT fk_ra_eis FOREIGN KEY (eis_id) REFERENCES eis (id),
  CONSTRAINT fk_ra_door FOREIGN KEY (gewijzigd_door) REFERENCES gebruiker (id),
  CONSTRAINT ra_soort CHECK ((soort = 'eis') = (eis_id IS NOT NULL)),
  CONSTRAINT ra_vraag CHECK (soort = 'eis' OR (antwoord IS NULL AND beoordeling IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A regisseur's question on one value or one eis of an ingediende
-- rapportage, instead of sending the whole report back, and the
-- teamleider's answer. The thread stays with the rapportage.
CREATE TABLE rapportage_vraag (
  id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  rapportage_id    BIGINT UNSIGNED NOT NULL,
  waarde_id        BIGINT UNSIGNED NULL,
  antwoord_id      BIGINT UNSIGNED NULL,
  vraag            TEXT NOT NULL,
  gesteld_door     BIGINT UNSIGNED NOT NULL,
  gesteld_op       DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  antwoord         TEXT NULL,
  beantwoord_door  BIGINT UNSIGNED NULL,
  beantwoord_op    DATETIME NULL,
  versie           INT UNSIGNED NOT NULL DEFAULT 1,
  KEY rv_rap (rapportage_id),
  CONSTRAINT fk_rv_rap FOREIGN KEY (rapportage_id) REFERENCES rapportage (id),
  CONSTRAINT fk_rv_waarde FOREIGN KEY (waarde_id) REFERENCES rapportage_waarde (id),
  CONSTRAINT fk_rv_antwoord FOREIGN KEY (antwoord_id) REFERENCES rapportage_antwoord (id),
  CONSTRAINT fk_rv_door FOREIGN KEY (gesteld_door) REFERENCES gebruiker (id),
  CONSTRAINT fk_rv_beantwoord FOREIGN KEY (beantwoord_door) REFERENCES gebruiker (id),
  CONSTRAINT rv_onderwerp CHECK ((waarde_id IS NULL) <> (antwoord_id IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every transition of a rapportage: which step, from and to which state,
-- who, when and why (append-only; the audit log has the same, this is
-- what the rapportage's own page shows).
CREATE TABLE rapportage_historie (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  rapportage_id  BIGINT UNSIGNED NOT NULL,
  actie          VARCHAR(32) NOT NULL,
  van            VARCHAR(16) NULL,
  naar           VARCHAR(16) NOT NULL,
  door           BIGINT UNSIGNED NOT NULL,
  op             DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  reden          TEXT NULL,
  KEY rh_rap (rapportage_id, id),
  CONSTRAINT fk_rh_rap FOREIGN KEY (rapportage_id) REFERENCES rapportage (id),
  CONSTRAINT fk_rh_door FOREIGN KEY (door) REFERENCES gebruiker (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A value that differs between two vaststellingen (ronde - 1 and ronde):
-- old and new value, who last changed it and when, and why (the reason
-- the rapportage was heropend, and the value's own reason if it has one).
-- Figures already sent to the gemeenteraad can be reconciled with it.
CREATE TABLE rapportage_revisie (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  rapportage_id   BIGINT UNSIGNED NOT NULL,
  waarde_id       BIGINT UNSIGNED NOT NULL,
  ronde           INT UNSIGNED NOT NULL,
  oud_heeft       TINYINT(1) NOT NULL,
  oud             DECIMAL(18,4) NULL,
  oud_tekst       TEXT NULL,
  nieuw_heeft     TINYINT(1) NOT NULL,
  nieuw           DECIMAL(18,4) NULL,
  nieuw_tekst     TEXT NULL,
  gewijzigd_door  BIGINT UNSIGNED NULL,
  gewijzigd_op    DATETIME NULL,
  reden           TEXT NOT NULL,
  vastgesteld_op  DATETIME NOT NULL,
  UNIQUE KEY rr_waarde (waarde_id, ronde),
  KEY rr_rap (rapportage_id, ronde),
  CONSTRAINT fk_rr_rap FOREIGN KEY (rapportage_id) REFERENCES rapportage (id),
  CONSTRAINT fk_rr_waarde FOREIGN KEY (waarde_id) REFERENCES rapportage_waarde (id),
  CONSTRAINT fk_rr_door FOREIGN KEY (gewijzigd_door) REFERENCES gebruiker (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A value of a ketenpartner indicator, delivered by its aanleverende
-- partij (Werkom, Uitkeringen, Naleving) once per periode for every
-- organisatie and wijk (wijk_id 0: the organisatie as a whole), not once
-- per rapportage: each rapportage of that periode shows it.
CREATE TABLE ketenpartner_waarde (
  id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  indicator_id      BIGINT UNSIGNED NOT NULL,
  periode           VARCHAR(8) NOT NULL,
  organisatie_id    BIGINT UNSIGNED NOT NULL,
  wijk_id           BIGINT UNSIGNED NOT NULL DEFAULT 0,
  waarde            DECIMAL(18,4) NULL,
  tekst             TEXT NULL,
  niet_te_leveren   TINYINT(1) NOT NULL DEFAULT 0,
  reden             TEXT NULL,
  gewijzigd_door    BIGINT UNSIGNED NOT NULL,
  gewijzigd_op      DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  versie            INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY kw_cel (indicator_id, periode, organisatie_id, wijk_id),
  KEY kw_periode (periode, organisatie_id),
  CONSTRAINT fk_kw_indicator FOREIGN KEY (indicator_id) REFERENCES indicator (id),
  CONSTRAINT fk_kw_org FOREIGN KEY (organisatie_id) REFERENCES organisatie (id),
  CONSTRAINT fk_kw_door FOREIGN KEY (gewijzigd_door) REFERENCES gebruiker (id),
  CONSTRAINT kw_reden CHECK (niet_te_leveren = 0 OR reden IS NOT NULL)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

GRANT SELECT, INSERT, UPDATE ON rapportage TO wijkzicht_app_rol;
-- A concept switched to another formatversie gets the rows of that one.
GRANT SELECT, INSERT, UPDATE, DELETE ON rapportage_waarde TO wijkzicht_app_rol;
GRANT SELECT, INSERT, UPDATE, DELETE ON rapportage_antwoord TO wijkzicht_app_rol;
GRANT SELECT, INSERT, UPDATE ON rapportage_vraag TO wijkzicht_app_rol;
GRANT SELECT, INSERT ON rapportage_historie TO wijkzicht_app_rol;
GRANT SELECT, INSERT ON rapportage_revisie TO wijkzicht_app_rol;
GRANT SELECT, INSERT, UPDATE ON ketenpartner_waarde TO wijkzicht_app_rol;
