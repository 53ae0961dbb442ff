import type { Lang } from '../vocabulary.ts';
import { RULE_STATUS_LABELS, type RuleResult, type RuleStatus } from './types.ts';

const MARK: Record<RuleStatus, string> = { PASS: '✓', WARN: '!', FAIL: '✗' };

/** The rule checks as plain text, one block per rule with its findings: what `pnpm graph:check` prints. */
export function formatRuleReport(results: readonly RuleResult[], heading: string, lang: Lang): string {
  const width = Math.max(...Object.values(RULE_STATUS_LABELS).map((l) => l[lang].length));
  const lines = [heading, ''];
  for (const r of results) {
    const label = RULE_STATUS_LABELS[r.status][lang].toLocaleUpperCase(lang).padEnd(width);
    const indent = ' '.repeat(width + 3);
    lines.push(`${MARK[r.status]} ${label} ${r.title[lang]} [${r.id}]`);
    lines.push(`${indent}${r.summary[lang]}`);
    for (const f of r.findings) {
      const where = f.provisions.length > 0 ? ` (${f.provisions.join(', ')})` : '';
      lines.push(`${indent}${MARK[f.status]} ${f.message[lang]}${where}`);
    }
  }
  const count = (s: RuleStatus) => results.filter((r) => r.status === s).length;
  lines.push(
    '',
    lang === 'sv'
      ? `${results.length} kontroller: ${count('PASS')} godkända, ${count('WARN')} med varningar, ${count('FAIL')} med fel.`
      : `${results.length} checks: ${count('PASS')} passed, ${count('WARN')} with warnings, ${count('FAIL')} failed.`,
  );
  return lines.join('\n');
}
