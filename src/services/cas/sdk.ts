// The Certificate Management Service SDK. Its 3.x package is one client.js (no models/ index to load lazily).
import type * as CasSdk from '@alicloud/cas20200407';
import { lazily } from '../../cloud/sdk.js';

export const $Cas = lazily<typeof CasSdk.default>('@alicloud/cas20200407', false);
