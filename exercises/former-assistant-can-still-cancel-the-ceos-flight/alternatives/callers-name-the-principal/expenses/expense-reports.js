/** Expense reports: drafted by (or for) an employee, then submitted for approval. */
export function createExpenseReports({ policy, now = Date.now }) {
  const reports = new Map();
  let nextId = 1;

  return {
    draft(employeeId, title) {
      const report = { id: `exp-${nextId++}`, employeeId, title, lines: [], status: 'draft' };
      reports.set(report.id, report);
      return report;
    },

    addLine(actorId, reportId, line) {
      const report = reports.get(reportId);
      if (!report) return { status: 404, message: 'report not found' };
      if (!policy.mayActFor(actorId, report.employeeId, 'expenses', now())) return { status: 403, message: 'you cannot edit this report' };
      if (report.status !== 'draft') return { status: 409, message: 'report was already submitted' };
      if (!Number.isInteger(line.amountCents) || line.amountCents <= 0) return { status: 400, message: 'amount must be a positive number of cents' };
      report.lines.push({ ...line, addedBy: actorId });
      return { status: 200, report };
    },

    submit(actorId, reportId) {
      const report = reports.get(reportId);
      if (!report) return { status: 404, message: 'report not found' };
      if (!policy.mayActFor(actorId, report.employeeId, 'expenses', now())) return { status: 403, message: 'you cannot submit this report' };
      if (report.lines.length === 0) return { status: 400, message: 'add at least one expense first' };
      report.status = 'submitted';
      return { status: 200, report };
    },
  };
}
