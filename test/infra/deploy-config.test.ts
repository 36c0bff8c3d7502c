import { describe, expect, it } from 'vitest';
import { parseForceConfig } from '../../functions/core/config/force-config.js';
import { configProblems, minimalConfig } from '../support/config-problems.js';

const deploy = {
  account: '123456789012',
  senderDomain: 'northshire.example',
  alarmEmail: 'it.desk@northshire.example',
};
/** senderDomain above is the domain of minimalConfig's sender, as the schema requires. */
const valid = { ...minimalConfig, deploy };
const certificateArn = 'arn:aws:acm:eu-west-2:123456789012:certificate/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';


describe('force config: deploy section', () => {
  it('is optional (the local runner does not need it) and defaults the region to London', () => {
    const { deploy: _, ...local } = valid;
    expect(parseForceConfig(local, 'test.json').deploy).toBeUndefined();
    expect(parseForceConfig(valid, 'test.json').deploy).toEqual({ ...deploy, region: 'eu-west-2' });
  });

  it('accepts a custom domain with its certificate', () => {
    const config = parseForceConfig({ ...valid, deploy: { ...deploy, domainName: 'actions.northshire.example', certificateArn } }, 'test.json');
    expect(config.deploy?.domainName).toBe('actions.northshire.example');
  });

  it.each([
    ['account', { account: '1234' }, /^deploy\.account: must be the 12-digit AWS account id/],
    ['account as a number', { account: 123456789012 }, /^deploy\.account: must be the 12-digit AWS account id in quotes/],
    ['region', { region: 'London' }, /^deploy\.region: must be an AWS region like "eu-west-2"/],
    ['domainName', { domainName: 'https://actions.example', certificateArn }, /^deploy\.domainName: must be a domain name/],
    ['certificateArn', { domainName: 'actions.northshire.example', certificateArn: 'my-cert' }, /^deploy\.certificateArn: must be the ARN of an ACM certificate/],
    ['certificateArn missing', { domainName: 'actions.northshire.example' }, /^deploy\.certificateArn: is needed with domainName/],
    ['domainName missing', { certificateArn }, /^deploy\.domainName: is needed with certificateArn/],
    ['certificate region', { region: 'eu-west-1', domainName: 'actions.northshire.example', certificateArn }, /^deploy\.certificateArn: must be a certificate in eu-west-1/],
    ['senderDomain', { senderDomain: 'Northshire' }, /^deploy\.senderDomain: must be a domain name/],
    ['senderDomain not the sender', { senderDomain: 'police.example' }, /^deploy\.senderDomain: must be the domain of sender \(northshire\.example\)/],
    ['alarmEmail', { alarmEmail: 'it desk' }, /^deploy\.alarmEmail: must be an email address/],
    ['unknown field', { acount: '123456789012' }, /^deploy\.acount: is not a known field/],
  ])('names a bad %s and says what to write', (_, change, message) => {
    const problems = configProblems({ ...valid, deploy: { ...deploy, ...change } });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('names a sender that is not a plain address once, not again as a domain to compare', () => {
    expect(configProblems({ ...valid, sender: 'Action Plan <action-plan@northshire.example>', deploy })).toEqual([expect.stringMatching(/^sender: must be an email address/)]);
  });

  it('says what the deploy section looks like when it is not an object', () => {
    expect(configProblems({ ...valid, deploy: 'eu-west-2' })).toEqual([expect.stringMatching(/^deploy: must be an object with account, region, senderDomain/)]);
  });

  it('requires the base URL to be the custom domain, so that emailed links open the deployed app', () => {
    const problems = configProblems({
      ...valid,
      baseUrl: 'https://elsewhere.example',
      deploy: { ...deploy, domainName: 'actions.northshire.example', certificateArn },
    });
    expect(problems).toEqual([expect.stringMatching(/^baseUrl: must be https:\/\/actions\.northshire\.example/)]);
  });
});
