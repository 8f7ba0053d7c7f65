// ECS's derived fields: its instances' family, Security Center asset and Session Manager switch, and the
// public instances of a security group.
import { z } from 'zod';
import { defineDerivedFields, type Lookup } from '../derived-field.js';
import { recordSchemas } from '../index.js';
import type { EcsInstance } from './records.js';

/** `ecs.g7t.large` -> `g7t`; unknown (an error for the rule) when the type does not have that shape. */
function instanceFamily(instanceType: string, lookup: Lookup): unknown {
  const match = /^ecs\.([a-z0-9-]+)\.[a-z0-9-]+$/i.exec(instanceType);
  return match ? match[1]!.toLowerCase() : lookup.unknown(`instance type ${JSON.stringify(instanceType)} names no family`);
}

const groupsOf = (instance: EcsInstance) => instance.securityGroupIds;

export default defineDerivedFields({
  'ecs.instance': {
    $instanceFamily: {
      summary: 'the instance family of `instanceType` (`ecs.g7t.large` -> `g7t`)',
      schema: z.string(),
      reads: [],
      derive: (instance, lookup) => instanceFamily(instance.instanceType, lookup),
    },
    $securityCenter: {
      summary: 'the Security Center asset of this instance (agent, unfixed vulnerabilities); null when Security Center does not list it',
      schema: recordSchemas['sas.asset'].nullable(),
      reads: ['sas.asset'],
      // Security Center answers per site for many regions: any gap of its assets leaves every instance unknown
      derive: (instance, lookup) =>
        lookup.unlessGap('sas.asset', null, () => {
          const asset = lookup.find('sas.asset', instance.region, instance.id);
          if (!asset) return null;
          if (asset.unfixedVulnerabilities !== undefined) return asset;
          return {
            ...asset,
            unfixedVulnerabilities: lookup.unknown('the unfixed vulnerabilities were not collected', { type: 'sas.asset', id: asset.id, region: null }),
          };
        }),
    },
    $sessionManagerEnabled: {
      summary: "whether the instance's region allows Session Manager connections (the ECS sessionManagerStatus switch)",
      schema: z.boolean(),
      reads: ['ecs.region-setting'],
      derive: (instance, lookup) =>
        lookup.unlessGap('ecs.region-setting', instance.region, () => lookup.find('ecs.region-setting', instance.region, instance.region)?.sessionManagerEnabled),
    },
  },
  'ecs.security-group': {
    $publicInstances: {
      summary: 'ids of the instances in this group that have a public IP or an EIP',
      schema: z.array(z.string()),
      reads: ['ecs.instance'],
      derive: (group, lookup) =>
        lookup.unlessGap('ecs.instance', group.region, () =>
          (lookup.grouped('ecs.instance', groupsOf).get(group.id) ?? [])
            .filter((instance) => instance.region === group.region)
            .filter((instance) => instance.publicIps.length > 0 || instance.eipAllocationId !== null)
            .map((instance) => instance.id),
        ),
    },
  },
  'ecs.disk': {
    $kmsKey: {
      summary: 'the KMS key that encrypts the disk (same region); null when the disk names none',
      schema: recordSchemas['kms.key'].nullable(),
      reads: ['kms.key'],
      derive: (disk, lookup) => {
        const keyId = disk.kmsKeyId;
        if (keyId === null) return null;
        return lookup.unlessGap(
          'kms.key',
          disk.region,
          () => lookup.find('kms.key', disk.region, keyId) ?? lookup.unknown(`key ${keyId} is not among the keys KMS listed in ${disk.region}`),
        );
      },
    },
  },
});
