// The IMS credential report: a CSV with the account root first (`<root>`), then one row per RAM user
// by UPN. Columns as Alibaba documents them ("Generate and download user credential reports"):
// two access key column groups, then `additional_access_key_N_*` groups only when some principal
// has more than two keys. "N/A" marks a credential that does not exist, "-" a time that never happened.
import type { AccessKeyModel, RamAccountModel, RamUserModel } from '../ram/model.js';

/** What the report reads of the account model. */
type ReportModel = RamAccountModel & { accountId: string };
import { isoSeconds } from '../../fill.js';
import { userPrincipalName } from '../ram/shapes.js';

const BASE_COLUMNS = [
  'user',
  'user_creation_time',
  'user_last_logon',
  'password_exist',
  'password_active',
  'password_last_changed',
  'password_next_rotation',
  'mfa_active',
] as const;

const KEY_FIELDS = ['exist', 'active', 'last_rotated', 'last_used'] as const;

const flag = (value: boolean) => (value ? 'TRUE' : 'FALSE');

function keyColumns(prefix: string): string[] {
  return KEY_FIELDS.map((field) => `${prefix}_${field}`);
}

function keyCells(key: AccessKeyModel | undefined): string[] {
  if (!key) return ['FALSE', 'N/A', 'N/A', 'N/A'];
  return ['TRUE', flag(key.Status === 'Active'), key.CreateDate, key.LastUsedDate ?? '-'];
}

function userCells(user: RamUserModel, model: ReportModel): string[] {
  const profile = user.LoginProfile;
  const lastChanged = profile ? (profile.PasswordLastChanged ?? profile.CreateDate ?? user.CreateDate) : null;
  const maxAgeDays = model.ram.passwordPolicy.MaxPasswordAge;
  const nextRotation =
    lastChanged === null
      ? 'N/A'
      : maxAgeDays === 0
        ? '-'
        : isoSeconds(new Date(Date.parse(lastChanged) + maxAgeDays * 86_400_000));
  return [
    userPrincipalName(user, model.accountId),
    user.CreateDate,
    user.LastLoginDate ?? '-',
    flag(profile !== null),
    profile ? flag(profile.Status === 'Active') : 'N/A',
    lastChanged ?? 'N/A',
    nextRotation,
    profile ? flag(user.MFADevice !== null) : 'N/A',
  ];
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Header line plus one line per principal, root first. */
export function credentialReportLines(model: ReportModel): { header: string; rows: string[] } {
  const { root } = model;
  const principals: { cells: string[]; keys: AccessKeyModel[] }[] = [
    {
      cells: [
        '<root>',
        root.CreateDate,
        root.LastLoginDate ?? '-',
        'TRUE',
        'N/A',
        root.PasswordLastChanged ?? 'N/A',
        'N/A',
        flag(root.MFAActive),
      ],
      keys: root.AccessKeys,
    },
    ...model.ram.users.map((user) => ({ cells: userCells(user, model), keys: user.AccessKeys })),
  ];
  const extraKeys = Math.max(0, ...principals.map((p) => p.keys.length - 2));
  const columns = [
    ...BASE_COLUMNS,
    ...keyColumns('access_key_1'),
    ...keyColumns('access_key_2'),
    ...Array.from({ length: extraKeys }, (_, i) => keyColumns(`additional_access_key_${i + 1}`)).flat(),
  ];
  const rows = principals.map(({ cells, keys }) =>
    [...cells, ...Array.from({ length: 2 + extraKeys }, (_, i) => keyCells(keys[i])).flat()].map(csvCell).join(','),
  );
  return { header: columns.join(','), rows };
}
