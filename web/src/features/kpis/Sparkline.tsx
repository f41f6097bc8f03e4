import type { KpiValue } from "./types";

const W = 120;
const H = 32;

/** A small line of the KPI's series (gaps where a period has no value); the target as a dashed line. */
export function Sparkline({
  series,
  target,
  label,
}: {
  series: KpiValue[];
  target: number | null;
  label: string;
}) {
  const values = series.map((p) => p.value);
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return <span className="muted">–</span>;
  const all = target === null ? known : [...known, target];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const span = hi - lo || 1;
  const x = (i: number) => (values.length === 1 ? W / 2 : (i * (W - 8)) / (values.length - 1) + 4);
  const y = (v: number) => H - 4 - ((v - lo) / span) * (H - 8);
  const segments: string[] = [];
  let current = "";
  values.forEach((v, i) => {
    if (v === null) {
      if (current) segments.push(current);
      current = "";
      return;
    }
    current += `${current ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
  });
  if (current) segments.push(current);
  return (
    <svg className="sparkline" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      {target === null ? null : (
        <line x1={0} x2={W} y1={y(target)} y2={y(target)} className="sparkline__target" />
      )}
      {segments.map((d) => (
        <path key={d} d={d} className="sparkline__line" />
      ))}
      {values.map((v, i) =>
        v === null ? null : (
          <circle key={series[i]?.from} cx={x(i)} cy={y(v)} r={2} className="sparkline__dot" />
        ),
      )}
    </svg>
  );
}
