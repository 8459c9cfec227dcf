import { Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  type IHttpApi,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { AREA_PATH_PREFIXES, areaForPath, PUBLIC_ROUTES } from '../../functions/platform/area-routes.ts';
import { type Area, AREAS, type TableId } from '../../functions/platform/tables.ts';
import { PortalFunction } from '../constructs/portal-function.ts';
import type { PortalTable } from '../constructs/portal-table.ts';

export interface ApiStackProps extends StackProps {
  /** The HTTP API whose endpoint WebStack owns; this stack adds its authorizer, routes and functions. */
  readonly httpApi: IHttpApi;
  readonly tables: Record<TableId, PortalTable>;
  readonly userPool: IUserPool;
  readonly webClient: IUserPoolClient;
  /** The token issuer, `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
  readonly issuer: string;
  /** @default 'info' */
  readonly logLevel?: 'debug' | 'info' | 'warn' | 'error';
}

/** One API Gateway route: `ANY /api/board/{proxy+}`, or a method on a public path. */
export interface RouteSpec {
  readonly method: keyof typeof HttpMethod;
  readonly path: string;
  readonly area: Area;
  readonly public: boolean;
}

/**
 * The routes built from functions/platform/area-routes.ts: for each area prefix `ANY P` and
 * `ANY P/{proxy+}` behind the JWT authorizer (a prefix naming a file, such as /api/openapi.json, is
 * routed exactly), then PUBLIC_ROUTES without it; API Gateway prefers a method over ANY and the more
 * specific path, so a public route wins where both match.
 */
export function routeSpecs(): RouteSpec[] {
  const routes: RouteSpec[] = [];
  for (const area of AREAS) {
    for (const prefix of AREA_PATH_PREFIXES[area]) {
      routes.push({ method: 'ANY', path: prefix, area, public: false });
      const lastSegment = prefix.slice(prefix.lastIndexOf('/') + 1);
      if (!lastSegment.includes('.')) routes.push({ method: 'ANY', path: `${prefix}/{proxy+}`, area, public: false });
    }
  }
  for (const route of PUBLIC_ROUTES) {
    const area = areaForPath(route.path.replace('/{proxy+}', ''));
    if (!area) throw new Error(`No area answers the public route ${route.method} ${route.path}`);
    routes.push({ method: route.method, path: route.path, area, public: true });
  }
  return routes;
}

/**
 * The API's behaviour: one function per area (guidance, referrals, board, directory), each allowed
 * only its own table and to append to the audit table, behind a Cognito JWT authorizer.
 */
export class ApiStack extends Stack {
  readonly functions: Record<Area, PortalFunction>;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    // Imported into this stack so the authorizer and routes are created here, not in WebStack.
    const httpApi = HttpApi.fromHttpApiAttributes(this, 'HttpApi', { httpApiId: props.httpApi.apiId });

    const functions = {} as Record<Area, PortalFunction>;
    const integrations = {} as Record<Area, HttpLambdaIntegration>;
    for (const area of AREAS) {
      const fn = new PortalFunction(this, `${capitalise(area)}Function`, {
        entry: `functions/${area}/handler.ts`,
        description: `Partnership portal: the ${area} area`,
        environment: {
          AUTH_ISSUER: props.issuer,
          AUTH_CLIENT_ID: props.webClient.userPoolClientId,
          LOG_LEVEL: props.logLevel ?? 'info',
        },
      });
      fn.bindTable('TABLE_NAME', props.tables[area], 'readWrite');
      // Every function appends to the audit trail; only the directory (GET /api/audit) reads it.
      if (area === 'directory') fn.bindTable('AUDIT_TABLE_NAME', props.tables.audit, 'append', 'read');
      else fn.bindTable('AUDIT_TABLE_NAME', props.tables.audit, 'append');
      functions[area] = fn;
      integrations[area] = new HttpLambdaIntegration(`${capitalise(area)}Integration`, fn, {
        scopePermissionToRoute: false,
      });
    }
    this.functions = functions;

    const jwt: IHttpRouteAuthorizer = new HttpUserPoolAuthorizer('CognitoJwt', props.userPool, {
      userPoolClients: [props.webClient],
      userPoolRegion: this.region,
    });
    const none = new HttpNoneAuthorizer();

    for (const route of routeSpecs()) {
      const httpRoute = new HttpRoute(this, routeId(route), {
        httpApi,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration: integrations[route.area],
        authorizer: route.public ? none : jwt,
      });
      if (route.public) {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            'A public route (PUBLIC_ROUTES, DESIGN.md §7): health, the OpenAPI document and the published threshold guidance are open to anyone; the function still verifies any token it is sent.',
        });
      }
    }
  }
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A construct id per route, e.g. `Route-ANY-api-guidance-proxy` (ids cannot contain `/`). */
function routeId(route: RouteSpec): string {
  const path = route.path.replace(/[{}+]/g, '').split('/').filter(Boolean).join('-');
  return `Route-${route.method}-${path}`;
}
