/**
 * The seed's program page lists «Интересы» beside the activity types: what a child who likes the program is into
 * (e.g. «Спорт», «Музыка»). Kept as a JSON array like activity_types; existing programs start with none.
 */
import type { Db } from '../db';

const sql = `
ALTER TABLE programs ADD COLUMN interests TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(interests));
`;

export function up(db: Db): void {
  db.exec(sql);
}
