-- 001_structuur.sql — the structure of the gemeente's social domain:
-- organisaties, wijken, wijkteams (with the wijken they cover), ketens and
-- thema's. Every row carries a row version (versie, for If-Match) and
-- validity dates, so a wijkteam that moves to another organisatie keeps its
-- history: rows are ended (geldig_tot), never deleted.
-- Applied by `wijkzicht migrate` as the migration user; never edit this file
-- after it has been applied anywhere: add a new migration.

CREATE TABLE organisatie (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code        VARCHAR(32)  NOT NULL,
  naam        VARCHAR(200) NOT NULL,
  soort       ENUM('wijkteamorganisatie','ketenpartner','afdeling') NOT NULL,
  geldig_van  DATE NOT NULL,
  geldig_tot  DATE NULL,
  versie      INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY organisatie_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE wijk (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code        VARCHAR(32)  NOT NULL,
  naam        VARCHAR(200) NOT NULL,
  geldig_van  DATE NOT NULL,
  geldig_tot  DATE NULL,
  versie      INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY wijk_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE wijkteam (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code        VARCHAR(32)  NOT NULL,
  naam        VARCHAR(200) NOT NULL,
  geldig_van  DATE NOT NULL,
  geldig_tot  DATE NULL,
  versie      INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY wijkteam_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Which organisatie runs a wijkteam, over time.
CREATE TABLE wijkteam_organisatie (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  wijkteam_id    BIGINT UNSIGNED NOT NULL,
  organisatie_id BIGINT UNSIGNED NOT NULL,
  geldig_van     DATE NOT NULL,
  geldig_tot     DATE NULL,
  UNIQUE KEY wijkteam_organisatie_van (wijkteam_id, geldig_van),
  KEY wijkteam_organisatie_org (organisatie_id),
  CONSTRAINT fk_wo_wijkteam FOREIGN KEY (wijkteam_id) REFERENCES wijkteam (id),
  CONSTRAINT fk_wo_organisatie FOREIGN KEY (organisatie_id) REFERENCES organisatie (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Which wijken a wijkteam covers, over time.
CREATE TABLE wijkteam_wijk (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  wijkteam_id  BIGINT UNSIGNED NOT NULL,
  wijk_id      BIGINT UNSIGNED NOT NULL,
  geldig_van   DATE NOT NULL,
  geldig_tot   DATE NULL,
  UNIQUE KEY wijkteam_wijk_van (wijkteam_id, wijk_id, geldig_van),
  KEY wijkteam_wijk_wijk (wijk_id),
  CONSTRAINT fk_ww_wijkteam FOREIGN KEY (wijkteam_id) REFERENCES wijkteam (id),
  CONSTRAINT fk_ww_wijk FOREIGN KEY (wijk_id) REFERENCES wijk (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE keten (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code        VARCHAR(32)  NOT NULL,
  naam        VARCHAR(200) NOT NULL,
  opgave      VARCHAR(200) NOT NULL,
  geldig_van  DATE NOT NULL,
  geldig_tot  DATE NULL,
  versie      INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY keten_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE thema (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code        VARCHAR(32)  NOT NULL,
  naam        VARCHAR(200) NOT NULL,
  keten_id    BIGINT UNSIGNED NOT NULL,
  geldig_van  DATE NOT NULL,
  geldig_tot  DATE NULL,
  versie      INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY thema_code (code),
  KEY thema_keten (keten_id),
  CONSTRAINT fk_thema_keten FOREIGN KEY (keten_id) REFERENCES keten (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
