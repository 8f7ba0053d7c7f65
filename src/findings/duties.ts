// The customer-side duties of the ECS shared security responsibility model, with the project's ids.

export interface Duty {
  id: string;
  group: string;
  title: string;
}

export const DUTIES = [
  { id: 'os-patching', group: '(intro)', title: 'Keep the guest OS updated and patched' },
  {
    id: 'trusted-computing',
    group: 'OS security',
    title: 'Trusted boot / vTPM measurement of the boot chain',
  },
  {
    id: 'confidential-computing',
    group: 'OS security',
    title: 'Confidential computing for sensitive workloads',
  },
  {
    id: 'security-center',
    group: 'OS security',
    title: 'Security Center watching hosts (agent, vulnerabilities, baseline)',
  },
  {
    id: 'ssh-key-pairs',
    group: 'Identity and access',
    title: 'Log on to Linux instances with SSH key pairs, not passwords',
  },
  {
    id: 'session-manager',
    group: 'Identity and access',
    title: 'Connect through Session Manager (Cloud Assistant) without opening inbound ports',
  },
  {
    id: 'security-groups',
    group: 'Identity and access',
    title: 'Security group rules as the instance firewall: no unauthorized access',
  },
  {
    id: 'ram',
    group: 'Identity and access',
    title: 'RAM users, groups and permissions on least privilege; MFA on logon',
  },
  { id: 'vpc', group: 'Network', title: 'Isolated VPC networks (no classic network), visibility of traffic' },
  { id: 'network-acl', group: 'Network', title: 'Network ACLs on vSwitches' },
  {
    id: 'cloud-firewall',
    group: 'Application',
    title: 'Cloud Firewall at internet/VPC/host borders',
  },
  {
    id: 'waf',
    group: 'Application',
    title: 'Web Application Firewall in front of web apps',
  },
  {
    id: 'anti-ddos',
    group: 'Application',
    title: 'Anti-DDoS protection of public IPs',
  },
  {
    id: 'vpn-gateway',
    group: 'Application',
    title: 'Encrypted tunnels to on-premises networks',
  },
  {
    id: 'certificates',
    group: 'Application',
    title: 'SSL certificates for identity and data in transit',
  },
  { id: 'snapshots', group: 'Data', title: 'Crash-consistent snapshots for backup and disaster recovery' },
  { id: 'disk-encryption', group: 'Data', title: 'Encrypted system and data disks' },
  { id: 'kms', group: 'Data', title: 'Keys managed in KMS' },
  { id: 'actiontrail', group: 'Audit', title: 'ActionTrail recording every account action, delivered for analysis' },
  { id: 'idaas', group: 'Audit', title: 'IDaaS single sign-on and identity lifecycle' },
] as const satisfies readonly Duty[];

export type DutyId = (typeof DUTIES)[number]['id'];

export const DUTY_IDS: readonly DutyId[] = DUTIES.map((duty) => duty.id);
