#pragma once

#include "eventdata.h"
#include "fields.h"

namespace ery::services {

class EventData;

// Production reports: produced = good + scrap + rework, several scrap reasons per report. One write
// path for the terminal, the API and MCP (`report_scrap` is a report with only scrap).
class ProductionService : public ServiceBase {
public:
    ProductionService(const DataAccess &data, EventData &eventData) : ServiceBase(data), m_eventData(eventData) { }
    // The report body and one scrap line, for validation here and the API's schemas.
    static const std::vector<Field> &fields();
    static const std::vector<Field> &scrapLineFields();
    // input: operation_id, quantity_good, quantity_scrap, quantity_rework, scrap_lines [{scrap_reason_id, quantity, notes}],
    // scrap_reason_id (single reason shorthand), recorded_by, notes, material_lot/supplier/cert_number.
    Result<Row> report(const domain::Scope &scope, const Json &input);
    Result<Row> reportScrap(const domain::Scope &scope, const QString &operationId, qint64 quantity, const QString &reasonId,
                            const QString &notes = {}, const QString &recordedBy = {});
    Result<Row> get(const domain::Scope &scope, const QString &id); // with its scrap lines
    Result<domain::Page> list(const domain::Scope &scope, const domain::ListQuery &q);
    // Totals of an operation: produced, good, scrap, rework, yield %.
    Result<Json> totals(const domain::Scope &scope, const QString &operationId);

private:
    // The services this one calls.
    EventData &m_eventData;
};

} // namespace ery::services
