import { useErrorText } from "./errors";
import { Icon } from "./Icon";

/** The summary of a failed request, announced to assistive technology. */
export function ErrorAlert({ error, className }: { error: unknown; className?: string }) {
  const text = useErrorText();
  if (!error) return null;
  const detail = text.detail(error);
  return (
    <div className={className ? `alert alert--error ${className}` : "alert alert--error"} role="alert">
      <Icon name="warning" className="alert__icon" />
      <div>
        <p className="alert__title">{text.problem(error)}</p>
        {detail ? <p className="alert__detail">{detail}</p> : null}
      </div>
    </div>
  );
}
