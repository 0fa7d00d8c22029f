/**
 * Runs before anything else in every entry point: better-sqlite3 13 needs Node 22 or newer, and an older
 * Node would crash deep inside the native module with a message nobody at a desk can act on.
 */
export function requireSupportedNode(): void {
  const major = Number(process.versions.node.split('.')[0]);
  if (!process.versions.electron && major < 22) {
    process.stderr.write(
      `АРМ Сертификат: нужен Node.js 22 или новее, а запущен ${process.versions.node}. ` +
        'Запускайте через npm (npm start, npm run certdesk -- …): проект сам ставит Node 22 в node_modules.\n' +
        `certdesk needs Node.js >= 22 (found ${process.versions.node}); run it through npm scripts.\n`,
    );
    process.exit(3);
  }
}
