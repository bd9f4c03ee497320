#include "importkeys.h"

#include "database.h"

#include "core/jsonutil.h"

namespace ery::storage {

Status ImportKeys::create(WriteTx &tx)
{
    Database &db = tx.db();
    return db.execDirect(db.isPostgres() ? QStringLiteral("CREATE TEMPORARY TABLE IF NOT EXISTS eryxon_import_keys (source TEXT NOT NULL, "
                                                          "external_id TEXT NOT NULL, line INTEGER NOT NULL, "
                                                          "PRIMARY KEY (source, external_id)) ON COMMIT DROP")
                                         : QStringLiteral("CREATE TABLE IF NOT EXISTS eryxon_import_keys (source TEXT NOT NULL, "
                                                          "external_id TEXT NOT NULL, line INTEGER NOT NULL, "
                                                          "PRIMARY KEY (source, external_id)) WITHOUT ROWID"));
}

Result<int> ImportKeys::claim(WriteTx &tx, const QString &source, const QString &externalId, int line)
{
    int inserted = 0;
    ERY_TRY(tx.exec(QStringLiteral("INSERT INTO eryxon_import_keys (source, external_id, line) VALUES (?, ?, ?) "
                                   "ON CONFLICT (source, external_id) DO NOTHING"),
                    {source, externalId, line}, &inserted));
    if (inserted > 0)
        return 0;
    auto rows = tx.query(QStringLiteral("SELECT line FROM eryxon_import_keys WHERE source = ? AND external_id = ?"), {source, externalId});
    if (!rows)
        return rows.error();
    if (rows->empty())
        return Error::internal(QStringLiteral("an import key vanished"));
    return int(num(rows->front(), "line"));
}

Status ImportKeys::drop(WriteTx &tx)
{
    return tx.db().execDirect(QStringLiteral("DROP TABLE IF EXISTS eryxon_import_keys"));
}

} // namespace ery::storage
