export function MatrixLegend() {
  return (
    <ul className="matrix-legend" aria-label="Legend">
      <li><span className="matrix-swatch tone-covered" aria-hidden="true">✓</span> Covered</li>
      <li><span className="matrix-swatch tone-critical" aria-hidden="true">■</span> Critical gap</li>
      <li><span className="matrix-swatch tone-high" aria-hidden="true">▲</span> High gap</li>
      <li><span className="matrix-swatch tone-medium" aria-hidden="true">●</span> Medium gap (stale, one-sided)</li>
      <li><span className="matrix-swatch tone-na" aria-hidden="true" /> Does not apply</li>
      <li><span className="matrix-swatch tone-out-of-scope" aria-hidden="true">–</span> Retired (out of scope)</li>
    </ul>
  );
}
