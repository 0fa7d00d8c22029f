/**
 * The municipality's year as the administrator keeps it (issue 12, points 1 and 12):
 * - `municipalities.owner_office_id`: the office that owns the municipality's money work (parameters, publishing,
 *   the monthly closes); existing municipalities belong to the office whose registry this is;
 * - `municipalities.regulations`: the text of the municipality's «Положение» that the card's «?» shows;
 * - `municipal_years.status`: a year is prepared as a draft and published; the core uses published years only
 *   (every existing year was in use, so it is published), with `published_at` and `nominal_unit` (rubles, or
 *   hours per week × the normative price of an hour);
 * - `categories.hours_per_week`, `categories.hour_price_kopecks`: the hours a category's nominal follows from.
 */
import type { Db } from '../db';

const sql = `
ALTER TABLE municipalities ADD COLUMN owner_office_id TEXT;
ALTER TABLE municipalities ADD COLUMN regulations TEXT NOT NULL DEFAULT '';
UPDATE municipalities SET owner_office_id = (SELECT value FROM meta WHERE key = 'office_id') WHERE owner_office_id IS NULL;

ALTER TABLE municipal_years ADD COLUMN status TEXT NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published'));
ALTER TABLE municipal_years ADD COLUMN nominal_unit TEXT NOT NULL DEFAULT 'rubles' CHECK (nominal_unit IN ('rubles', 'hours'));
ALTER TABLE municipal_years ADD COLUMN published_at TEXT;

ALTER TABLE categories ADD COLUMN hours_per_week INTEGER CHECK (hours_per_week IS NULL OR hours_per_week BETWEEN 1 AND 40);
ALTER TABLE categories ADD COLUMN hour_price_kopecks INTEGER CHECK (hour_price_kopecks IS NULL OR hour_price_kopecks >= 0);

-- Certificates of a category: counted for the parameters screen, checked before a nominal is lowered or a category removed.
CREATE INDEX certificates_category ON certificates(category_id);
`;

export function up(db: Db): void {
  db.exec(sql);
}
