import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolGroup,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { ROLE_LABELS, ROLES } from '../../shared/platform/roles.ts';
import { AccessRevocations } from '../constructs/access-revocations.ts';
import { PortalFunction } from '../constructs/portal-function.ts';
import type { PortalTable } from '../constructs/portal-table.ts';

export interface AuthStackProps extends StackProps {
  /** The portal's CloudFront domain name: sign-in returns to `https://<domain>/auth/callback/`. */
  readonly portalDomainName: string;
  /** The Cognito sign-in domain prefix (`<prefix>.auth.<region>.amazoncognito.com`); unique in the region. */
  readonly authDomainPrefix: string;
  /** Agencies' and people's standing: the sign-in trigger refuses a deactivated agency or a suspended person. */
  readonly directoryTable: PortalTable;
  /** Revocations recorded from Cognito's account changes are audited. */
  readonly auditTable: PortalTable;
}

/** The Cognito sign-in origin for a domain prefix; WebStack's CSP and AuthStack agree on it without a reference. */
export function authOrigin(authDomainPrefix: string, region: string): string {
  return `https://${authDomainPrefix}.auth.${region}.amazoncognito.com`;
}

/**
 * Who can sign in: a Cognito user pool (no self sign-up, TOTP MFA required), a group per role
 * (shared/platform/roles.ts), an `agencyId` that only administrators set, and the web's app client
 * (authorization code with PKCE, no secret). A pre-token-generation trigger copies `agencyId` into
 * access tokens, which otherwise carry groups but no custom attributes, and issues no token to a
 * user whose agency is deactivated or who is suspended. Cognito's account changes (disabling,
 * deleting, removing from a group, signing out everywhere) refuse the person's older tokens too.
 */
export class AuthStack extends Stack {
  readonly userPool: UserPool;
  readonly webClient: UserPoolClient;
  /** The token issuer, `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
  readonly issuer: string;
  readonly preTokenGeneration: PortalFunction;
  readonly revocations: AccessRevocations;

  constructor(scope: Construct, id: string, props: AuthStackProps) {
    super(scope, id, props);

    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: 'partnership-portal',
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      customAttributes: {
        // Mutable so an administrator can move a user to another agency; the web client cannot write it.
        agencyId: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Plus: threat protection blocks risky sign-ins and passwords known to be compromised. It also
      // allows the version 2 pre-token-generation trigger below (Essentials would too).
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const preTokenGeneration = new PortalFunction(this, 'PreTokenGeneration', {
      entry: 'functions/auth/pre-token-generation.ts',
      description:
        'Partnership portal: adds agencyId to Cognito access tokens, and refuses deactivated agencies and suspended people',
      memorySize: 256,
      timeout: Duration.seconds(5),
    });
    preTokenGeneration.bindStanding('DIRECTORY_TABLE_NAME', props.directoryTable);
    this.preTokenGeneration = preTokenGeneration;
    this.userPool.addTrigger(
      UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      preTokenGeneration,
      LambdaVersion.V2_0,
    );

    for (const role of ROLES) {
      new UserPoolGroup(this, `Group-${role}`, {
        userPool: this.userPool,
        groupName: role,
        description: ROLE_LABELS[role],
      });
    }

    this.userPool.addDomain('SignInDomain', { cognitoDomain: { domainPrefix: props.authDomainPrefix } });

    const portalOrigin = `https://${props.portalDomainName}`;
    this.webClient = this.userPool.addClient('WebClient', {
      userPoolClientName: 'web',
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${portalOrigin}/auth/callback/`],
        logoutUrls: [`${portalOrigin}/`],
      },
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('agencyId'),
      // Never agencyId: a user's agency decides what they can see, so only an administrator sets it.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.minutes(30),
      idTokenValidity: Duration.minutes(30),
      refreshTokenValidity: Duration.hours(10),
    });

    this.issuer = `https://cognito-idp.${this.region}.amazonaws.com/${this.userPool.userPoolId}`;

    this.revocations = new AccessRevocations(this, 'AccessRevocations', {
      userPool: this.userPool,
      directoryTable: props.directoryTable,
      auditTable: props.auditTable,
    });

    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'WebClientId', { value: this.webClient.userPoolClientId });
    new CfnOutput(this, 'Issuer', { value: this.issuer });
    new CfnOutput(this, 'SignInOrigin', { value: authOrigin(props.authDomainPrefix, this.region) });
  }
}
