// Which tunnels of an IPsec connection negotiate a phase with a weak algorithm: the evaluator behind the
// rules on IKE (phase 1) and IPsec (phase 2) settings, so that a finding names the tunnel and the setting.
import type { VpnTunnel } from './records.js';

export interface WeakAlgorithms {
  encryption: readonly string[];
  integrity: readonly string[];
  dhGroups: readonly string[];
}

export interface WeakAlgorithmVerdict {
  /** true: a tunnel uses a weak one; false: none does; undefined: none known to, but a setting is unknown */
  weak: boolean | undefined;
  detail: string;
  /** the record paths of the settings not known (`tunnels.0.ike.encAlg`) */
  unknownPaths: string[];
}

const SETTINGS = [
  ['encAlg', 'encryption'],
  ['authAlg', 'integrity'],
  ['pfs', 'dhGroups'],
] as const;

const nameOf = (tunnel: VpnTunnel): string => (tunnel.id === null ? 'the tunnel' : `tunnel ${tunnel.id} (${tunnel.role ?? 'no role'})`);

/** The weak settings of `phase` in every tunnel, compared case-insensitively; an unknown one is named, never taken as strong. */
export function weakAlgorithms(tunnels: readonly VpnTunnel[], phase: 'ike' | 'ipsec', weak: WeakAlgorithms): WeakAlgorithmVerdict {
  const lists = Object.fromEntries(SETTINGS.map(([, list]) => [list, new Set(weak[list].map((value) => value.toLowerCase()))]));
  const found: string[] = [];
  const unknownPaths: string[] = [];
  tunnels.forEach((tunnel, index) => {
    for (const [setting, list] of SETTINGS) {
      const value = tunnel[phase][setting];
      if (value === undefined) unknownPaths.push(`tunnels.${index}.${phase}.${setting}`);
      else if (lists[list]!.has(value.toLowerCase())) found.push(`${nameOf(tunnel)}: ${phase}.${setting} ${value}`);
    }
  });
  if (found.length > 0) return { weak: true, detail: found.join('; '), unknownPaths };
  if (unknownPaths.length > 0) return { weak: undefined, detail: `${unknownPaths.join(', ')} unknown`, unknownPaths };
  const used = tunnels.map((tunnel) => `${nameOf(tunnel)}: ${SETTINGS.map(([setting]) => tunnel[phase][setting]).join('/')}`);
  return { weak: false, detail: used.join('; ') || 'no tunnel', unknownPaths };
}
