/**
 * The report's chart colours: the Okabe–Ito palette, whose hues stay distinct for the common forms of
 * colour blindness. Marketing is orange and IT blue, as in the rest of the app; shared concerns are
 * bluish green. Every chart also writes its figures out (labels, tooltips, the data table), so colour is
 * never the only carrier.
 * @see https://jfly.uni-koeln.de/color/
 */
export const OKABE_ITO = {
  black: "#000000",
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
} as const;

export const NEUTRAL = { text: "#1c2430", muted: "#5b6675", grid: "#dde1e7", noTeam: "#8a94a3" } as const;

export const FUNCTION_COLOR = {
  overall: NEUTRAL.text,
  marketing: OKABE_ITO.orange,
  it: OKABE_ITO.blue,
  shared: OKABE_ITO.bluishGreen,
} as const;

/** Line styles that tell the trend's series apart without colour. */
export const FUNCTION_DASH = { overall: undefined, marketing: "8 4", it: "2 3", shared: "12 4 3 4" } as const;

/** Severity-led colours for the load chart: the high/critical part stands out against the rest. */
export const LOAD_COLOR = { highCritical: OKABE_ITO.vermillion, other: OKABE_ITO.skyBlue } as const;

export const HOTSPOT_COLOR = OKABE_ITO.reddishPurple;

// Warm hues for marketing teams and cool ones for IT teams, so a team's colour hints at its side.
const TEAM_HUES = {
  marketing: [OKABE_ITO.orange, OKABE_ITO.vermillion, OKABE_ITO.reddishPurple, OKABE_ITO.yellow],
  it: [OKABE_ITO.blue, OKABE_ITO.skyBlue, OKABE_ITO.bluishGreen],
  other: [OKABE_ITO.black, NEUTRAL.muted],
} as const;

/** One colour per team, stable for a given team list (the report catalog's order). */
export function teamColors(teams: readonly { id: number; function: "marketing" | "it" | "other" }[]): Map<number, string> {
  const used = { marketing: 0, it: 0, other: 0 };
  const colors = new Map<number, string>();
  for (const team of teams) {
    const hues = TEAM_HUES[team.function];
    colors.set(team.id, hues[used[team.function] % hues.length]!);
    used[team.function] += 1;
  }
  return colors;
}

/**
 * Single-hue sequential blues (ColorBrewer "Blues") for the heatmap, light = low coverage. Each step
 * carries the text colour that keeps the printed percentage legible on it.
 */
export const HEAT_STEPS = [
  { fill: "#eff3ff", text: NEUTRAL.text, label: "under 20%" },
  { fill: "#bdd7e7", text: NEUTRAL.text, label: "20–39%" },
  { fill: "#6baed6", text: NEUTRAL.text, label: "40–59%" },
  { fill: "#2171b5", text: "#ffffff", label: "60–79%" },
  { fill: "#08306b", text: "#ffffff", label: "80% and over" },
] as const;
