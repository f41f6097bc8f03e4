import { ErrorAlert } from "../../components/ErrorAlert";

/** The summary of a refused or failed report, with the field errors no form field shows. */
export function ReportErrors({ error, unclaimed }: { error: unknown; unclaimed: string[] }) {
  if (!error) return null;
  return (
    <div className="analytics-errors">
      <ErrorAlert error={error} />
      {unclaimed.length > 0 ? (
        <ul className="analytics-errors__list">
          {unclaimed.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
