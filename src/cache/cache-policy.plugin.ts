import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isObjectType,
  type DirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/** Apollo's cache hint (its CachePolicy.restrict takes one). */
export interface CacheHint {
  maxAge?: number;
  scope?: 'PUBLIC' | 'PRIVATE';
}

interface Annotation extends CacheHint {
  inheritMaxAge?: boolean;
}

/** A hint being built: Apollo's CachePolicy replace/restrict on a plain object. */
class Policy implements CacheHint {
  maxAge?: number;
  scope?: 'PUBLIC' | 'PRIVATE';
  replace(hint: CacheHint): void {
    if (hint.maxAge !== undefined) this.maxAge = hint.maxAge;
    if (hint.scope !== undefined) this.scope = hint.scope;
  }
  restrict(hint: CacheHint): void {
    if (hint.maxAge !== undefined && (this.maxAge === undefined || hint.maxAge < this.maxAge)) this.maxAge = hint.maxAge;
    if (hint.scope !== undefined && this.scope !== 'PRIVATE') this.scope = hint.scope;
  }
}

/** The @cacheControl arguments among some directives (as Apollo's plugin reads them). */
function annotationOf(directives: readonly DirectiveNode[] | undefined): Annotation {
  const directive = directives?.find((d) => d.name.value === 'cacheControl');
  const annotation: Annotation = {};
  for (const arg of directive?.arguments ?? []) {
    const { value } = arg;
    if (arg.name.value === 'maxAge' && value.kind === 'IntValue') annotation.maxAge = Number(value.value);
    else if (arg.name.value === 'scope' && value.kind === 'EnumValue') annotation.scope = value.value as 'PUBLIC' | 'PRIVATE';
    else if (arg.name.value === 'inheritMaxAge' && value.kind === 'BooleanValue') annotation.inheritMaxAge = value.value;
  }
  return annotation;
}

/**
 * The cache policy of an operation, worked out from its document and the schema's @cacheControl
 * hints by the rules of Apollo's cache-control plugin (a composite type's hint, then the field's;
 * fields returning composite types, and root fields, without a maxAge get defaultMaxAge; the answer
 * is the most restrictive of its fields). Apollo's plugin applies them field by field as each one
 * resolves (a hook around every resolver, ~7% of an actor page's CPU); here it is done once per
 * document. It reads every field the document selects, also those a null parent, an empty list or
 * a fragment on another type leaves unresolved, so it can only be more restrictive than Apollo's.
 * Dynamic hints (info.cacheControl) are not offered: no resolver sets one.
 */
export function operationCachePolicy(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  defaultMaxAge: number,
): CacheHint {
  const operation = document.definitions.find(
    (d) => d.kind === 'OperationDefinition' && (operationName ? d.name?.value === operationName : true),
  );
  const overall = new Policy();
  if (!operation || operation.kind !== 'OperationDefinition') return overall;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === 'FragmentDefinition') fragments.set(d.name.value, d);
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return overall;

  const fieldPolicy = (field: GraphQLField<unknown, unknown>, root: boolean): Policy => {
    const policy = new Policy();
    const target = getNamedType(field.type);
    let inheritMaxAge = false;
    if (isCompositeType(target)) {
      const typeAnnotation = annotationOf([...(target.astNode?.directives ?? []), ...target.extensionASTNodes.flatMap((n) => n.directives ?? [])]);
      policy.replace(typeAnnotation);
      inheritMaxAge = !!typeAnnotation.inheritMaxAge;
    }
    const fieldAnnotation = annotationOf(field.astNode?.directives);
    if (fieldAnnotation.inheritMaxAge && policy.maxAge === undefined) {
      inheritMaxAge = true;
      if (fieldAnnotation.scope) policy.replace({ scope: fieldAnnotation.scope });
    } else {
      policy.replace(fieldAnnotation);
    }
    if (policy.maxAge === undefined && ((isCompositeType(target) && !inheritMaxAge) || root)) policy.restrict({ maxAge: defaultMaxAge });
    return policy;
  };

  const visiting = new Set<string>();
  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, root: boolean): void => {
    // A field selected on an interface or union resolves on one of its object types: take them all.
    const objects = isObjectType(parent) ? [parent] : isAbstractType(parent) ? schema.getPossibleTypes(parent) : [];
    for (const selection of selectionSet.selections) {
      if (selection.kind === 'Field') {
        // Meta fields (__typename, __schema, __type) have no resolver of the schema's: no hint.
        if (selection.name.value.startsWith('__')) continue;
        // Object types may narrow an interface field's type: the selections below it are read for each.
        const children = new Set<GraphQLNamedType>();
        for (const object of objects) {
          const field = object.getFields()[selection.name.value];
          if (!field) continue;
          overall.restrict(fieldPolicy(field, root));
          children.add(getNamedType(field.type));
        }
        if (selection.selectionSet) for (const child of children) if (isCompositeType(child)) walk(selection.selectionSet, child, false);
      } else if (selection.kind === 'InlineFragment') {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) walk(selection.selectionSet, type, root);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || visiting.has(fragment.name.value)) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        visiting.add(fragment.name.value);
        if (type && isCompositeType(type)) walk(fragment.selectionSet, type, root);
        visiting.delete(fragment.name.value);
      }
    }
  };
  walk(operation.selectionSet, rootType, true);
  return overall;
}

/**
 * Stands in for Apollo's cache-control plugin (pass ApolloServerPluginCacheControlDisabled() with
 * it): the same policy, from operationCachePolicy once per parsed document (Apollo keeps one parsed
 * document per query text), and the same Cache-Control header.
 */
export function cachePolicyPlugin(options: { defaultMaxAge: number }): ApolloServerPlugin {
  const byDocument = new WeakMap<DocumentNode, Map<string, CacheHint>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operationName, overallCachePolicy }) {
          let policies = byDocument.get(document);
          if (!policies) byDocument.set(document, (policies = new Map()));
          const key = operationName ?? '';
          let policy = policies.get(key);
          if (!policy) policies.set(key, (policy = operationCachePolicy(schema, document, operationName, options.defaultMaxAge)));
          overallCachePolicy.restrict(policy);
        },
        async willSendResponse({ response, overallCachePolicy }) {
          // As Apollo's plugin: a header someone set already is kept or narrowed, never widened.
          const existing = response.http.headers.get('cache-control');
          const parsed = existing ? /^max-age=(\d+), (public|private)$/.exec(existing) : null;
          if (existing && existing !== 'no-store' && !parsed) return;
          const policy = new Policy();
          policy.replace(overallCachePolicy);
          if (parsed) policy.restrict({ maxAge: Number(parsed[1]), scope: parsed[2] === 'public' ? 'PUBLIC' : 'PRIVATE' });
          const cacheable = existing !== 'no-store' && policy.maxAge !== undefined && policy.maxAge > 0;
          if (cacheable && response.body.kind === 'single' && !response.body.singleResult.errors) {
            response.http.headers.set('cache-control', `max-age=${policy.maxAge}, ${(policy.scope ?? 'PUBLIC').toLowerCase()}`);
          } else {
            response.http.headers.set('cache-control', 'no-store');
          }
        },
      };
    },
  };
}
