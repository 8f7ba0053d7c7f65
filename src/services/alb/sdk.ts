// The Application Load Balancer SDK, required on first use.
import type * as AlbSdk from '@alicloud/alb20200616';
import { lazily } from '../../cloud/sdk.js';

export const $Alb = lazily<typeof AlbSdk.default>('@alicloud/alb20200616');
