// The Certificate Management Service SDK.
import type * as CasSdk from '@alicloud/cas20200407';
import { lazily } from '../../cloud/sdk.js';

export const $Cas = lazily<typeof CasSdk.default>('@alicloud/cas20200407');
