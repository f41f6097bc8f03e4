import { formatDate } from "./format";

export function DateText({ value, withTime = false }: { value: string; withTime?: boolean }) {
  return <time dateTime={value}>{formatDate(value, withTime)}</time>;
}
