-- 013_cijfer_sommen.sql — the figures kept as sums (issue 10, bench/README
-- "Figures").
--
-- A telling or duur was computed per request from every fact of the
-- organisatie's period: at ten million events that is millions of rows
-- per request. Every such number is a sum over inwoners (domain/
-- cijfer_som.h), so the one projection writer (store/projectie.h) keeps
-- the sums in the event's transaction: it subtracts what the inwoner's
-- stored facts added and adds what its new facts add. A figure then reads
-- a few hundred rows. `wijkzicht cijfers-controle` recomputes them from
-- the facts and reports any difference.

-- The traject's soort, thema and opdracht on the fact, so that what a
-- fact added can be subtracted from the stored facts alone, whatever the
-- traject says by then (changing a traject rewrites its inwoner's facts).
-- (IF NOT EXISTS throughout: on ten million facts this migration runs for
-- minutes, and one that was interrupted must be able to run again.)
ALTER TABLE cijfer_feit
  ADD COLUMN IF NOT EXISTS traject_soort VARCHAR(40) NOT NULL DEFAULT '' AFTER kenmerken,
  ADD COLUMN IF NOT EXISTS thema_id BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER traject_soort,
  ADD COLUMN IF NOT EXISTS opdracht_id BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER thema_id;

UPDATE cijfer_feit f JOIN traject t ON t.id = f.traject_id
   SET f.traject_soort = t.soort, f.thema_id = t.thema_id,
       f.opdracht_id = t.opdracht_id
 WHERE f.traject_soort = '';

-- One summed cell of a berekende telling or duur (every version of the
-- catalogue): per indicator, organisatie, period ('2024', '2024-H1',
-- '2024-Q3'), wijk (0: the total) and cel ('' the value; '<v>:<code>' a
-- category of uitsplitsing v; 'd<n>' a duur's pairs of n days). A cell
-- that comes to 0 is deleted.
CREATE TABLE IF NOT EXISTS cijfer_som (
  indicator_id    BIGINT UNSIGNED NOT NULL,
  organisatie_id  BIGINT UNSIGNED NOT NULL,
  periode         VARCHAR(8) NOT NULL,
  wijk_id         BIGINT UNSIGNED NOT NULL,
  cel             VARCHAR(72) NOT NULL,
  n               BIGINT NOT NULL,
  PRIMARY KEY (indicator_id, organisatie_id, periode, wijk_id, cel)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The indicators whose sums are kept, each with the rule they are kept
-- for (a copy: a writer reads only this table, so it never waits on an
-- indicator row). A build runs in steps, in the background (an idle
-- worker, or `wijkzicht sommen-bouwen`): the sums hold every inwoner
-- with id <= tot_inwoner; a writer changes them for exactly those
-- inwoners, or for every inwoner once klaar = 1. tot_inwoner -1: the sums
-- are to be (re)built from nothing; regel NULL: to be dropped. Figures
-- are read from the sums only when klaar = 1, otherwise computed from
-- the facts. A writer reads these rows with a shared lock after taking
-- the slot shared; a build step takes the slot exclusively, so no event
-- is counted twice or not at all.
CREATE TABLE IF NOT EXISTS cijfer_som_indicator (
  indicator_id  BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  regel         LONGTEXT NULL,
  tot_inwoner   BIGINT NOT NULL DEFAULT -1,
  klaar         TINYINT(1) NOT NULL DEFAULT 0,
  CONSTRAINT fk_som_indicator FOREIGN KEY (indicator_id) REFERENCES indicator (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every berekende telling or duur of the catalogue, to be built.
INSERT IGNORE INTO cijfer_som_indicator (indicator_id, regel)
SELECT id, regel FROM indicator
 WHERE bron = 'berekend' AND regel IS NOT NULL
   AND JSON_VALUE(regel, '$.soort') IN ('telling', 'duur');

-- achtergrond 0: idle workers build no sums (`wijkzicht sommen-bouwen`
-- still does), e.g. while an operator loads a catalogue.
CREATE TABLE IF NOT EXISTS cijfer_som_slot (
  id           TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  achtergrond  TINYINT(1) NOT NULL DEFAULT 1
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT IGNORE INTO cijfer_som_slot (id) VALUES (1);

GRANT SELECT, INSERT, UPDATE, DELETE ON cijfer_som TO wijkzicht_app_rol;
GRANT SELECT, INSERT, UPDATE, DELETE ON cijfer_som_indicator TO wijkzicht_app_rol;
GRANT SELECT, UPDATE ON cijfer_som_slot TO wijkzicht_app_rol;
