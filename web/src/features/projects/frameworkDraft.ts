// The framework version editor's draft: built from a published version, checked with the
// server's rules (so most problems show before publishing), and written as the API body.
// Problems are keyed by the server's field names ("phases[2].key", "kpis[0].counts_from_phase").
import type { FrameworkVersion, FrameworkVersionWrite, KpiDefinition, Phase } from './types';
import { t } from '../../messages';

export type PhaseDraft = Omit<Phase, 'guidelines_html' | 'max_days'> & { uid: number; max_days: number | string };
export type KpiDraft = Omit<KpiDefinition, 'target'> & { uid: number; target: number | string };
export interface Draft {
  phases: PhaseDraft[];
  kpis: KpiDraft[];
}

let uid = 0;
export const nextUid = () => ++uid;

export function emptyPhase(): PhaseDraft {
  return {
    uid: nextUid(),
    key: '',
    name: '',
    guidelines: '',
    recommended_formats: [],
    expected_level: 'interested',
    exit_criteria: [],
    max_days: 60,
    kpi_keys: [],
    gatekeepers: [],
  };
}

export function emptyKpi(): KpiDraft {
  return { uid: nextUid(), key: '', name: '', unit: '', direction: 'up', kind: 'learning', counts_from_phase: null, target: '' };
}

export function draftFrom(version: FrameworkVersion | undefined): Draft {
  if (!version || version.phases.length === 0) return { phases: [emptyPhase(), emptyPhase()], kpis: [] };
  return {
    phases: version.phases.map(({ guidelines_html: _html, ...p }) => ({ ...p, uid: nextUid(), exit_criteria: p.exit_criteria.map((c) => ({ ...c })) })),
    kpis: version.kpis.map((k) => ({ ...k, uid: nextUid(), target: k.target ?? '' })),
  };
}

const toNumber = (v: number | string): number | null => (v === '' || !Number.isFinite(Number(v)) ? null : Number(v));

export function draftBody(draft: Draft): FrameworkVersionWrite {
  return {
    phases: draft.phases.map(({ uid: _uid, ...p }) => ({
      ...p,
      key: p.key.trim(),
      name: p.name.trim(),
      max_days: toNumber(p.max_days) ?? 0,
      exit_criteria: p.exit_criteria.map((c) => ({ ...c, key: c.key.trim(), text: c.text.trim() })),
    })),
    kpis: draft.kpis.map(({ uid: _uid, ...k }) => ({
      ...k,
      key: k.key.trim(),
      name: k.name.trim(),
      unit: k.unit.trim(),
      counts_from_phase: k.counts_from_phase || null,
      target: toNumber(k.target),
    })),
  };
}

/** The server's framework rules, checked before publishing. Empty when the draft is fine. */
export function validateDraft(draft: Draft): Record<string, string> {
  const e: Record<string, string> = {};
  const required = t('projects.editor.required');
  if (draft.phases.length < 2 || draft.phases.length > 12) e.phases = t('projects.editor.phaseCount');
  const phaseKeys = new Set<string>();
  draft.phases.forEach((p, i) => {
    const at = `phases[${i}]`;
    const key = p.key.trim();
    if (!key) e[`${at}.key`] = required;
    else if (phaseKeys.has(key)) e[`${at}.key`] = t('projects.editor.duplicateKey', { key });
    phaseKeys.add(key);
    if (!p.name.trim()) e[`${at}.name`] = required;
    const max = toNumber(p.max_days);
    if (max === null || max < 1) e[`${at}.max_days`] = t('projects.editor.maxDays.invalid');
    const criterionKeys = new Set<string>();
    p.exit_criteria.forEach((c, j) => {
      const cat = `${at}.exit_criteria[${j}]`;
      const ck = c.key.trim();
      if (!ck) e[`${cat}.key`] = required;
      else if (criterionKeys.has(ck)) e[`${cat}.key`] = t('projects.editor.duplicateKey', { key: ck });
      criterionKeys.add(ck);
      if (!c.text.trim()) e[`${cat}.text`] = required;
    });
  });
  const kpiKeys = new Set<string>();
  draft.kpis.forEach((k, i) => {
    const at = `kpis[${i}]`;
    const key = k.key.trim();
    if (!key) e[`${at}.key`] = required;
    else if (kpiKeys.has(key)) e[`${at}.key`] = t('projects.editor.duplicateKey', { key });
    kpiKeys.add(key);
    if (!k.name.trim()) e[`${at}.name`] = required;
    if (k.counts_from_phase && !phaseKeys.has(k.counts_from_phase)) e[`${at}.counts_from_phase`] = t('projects.editor.unknownPhase');
    if (k.kind === 'financial' && !k.counts_from_phase) e[`${at}.counts_from_phase`] = t('projects.editor.financialPhase');
  });
  draft.phases.forEach((p, i) => {
    const unknown = p.kpi_keys.filter((k) => !kpiKeys.has(k));
    if (unknown.length > 0) e[`phases[${i}].kpi_keys`] = t('projects.editor.unknownKpis', { keys: unknown.join(', ') });
  });
  return e;
}
