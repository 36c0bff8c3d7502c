import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { ForceConfig } from '../../functions/core/config/force-config.js';
import { Data } from '../constructs/data.js';

export interface ForceStackProps extends StackProps {
  config: ForceConfig;
}

/** One force, one stack: every construct of a concern is composed here. */
export class ForceStack extends Stack {
  readonly data: Data;

  constructor(scope: Construct, id: string, props: ForceStackProps) {
    super(scope, id, props);
    this.data = new Data(this, 'Data');
  }
}
