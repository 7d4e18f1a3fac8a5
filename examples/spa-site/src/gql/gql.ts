/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment MediaFields on Media {\n    url\n    alt\n    width\n    height\n    mimeType\n    sizes {\n      thumbnail {\n        url\n        width\n        height\n      }\n      small {\n        url\n        width\n        height\n      }\n      smallWebp {\n        url\n        width\n        height\n      }\n      smallAvif {\n        url\n        width\n        height\n      }\n      card {\n        url\n        width\n        height\n      }\n      cardWebp {\n        url\n        width\n        height\n      }\n      cardAvif {\n        url\n        width\n        height\n      }\n      hero {\n        url\n        width\n        height\n      }\n      heroWebp {\n        url\n        width\n        height\n      }\n      heroAvif {\n        url\n        width\n        height\n      }\n    }\n  }\n": typeof types.MediaFieldsFragmentDoc,
    "\n  fragment CardMediaFields on Media {\n    url\n    alt\n    width\n    height\n    sizes {\n      small {\n        url\n        width\n        height\n      }\n      smallWebp {\n        url\n        width\n        height\n      }\n      smallAvif {\n        url\n        width\n        height\n      }\n      card {\n        url\n        width\n        height\n      }\n      cardWebp {\n        url\n        width\n        height\n      }\n      cardAvif {\n        url\n        width\n        height\n      }\n    }\n  }\n": typeof types.CardMediaFieldsFragmentDoc,
    "\n  fragment SeoFields on Seo {\n    metaTitle\n    metaDescription\n    canonical\n    noindex\n    image {\n      url\n      alt\n      width\n      height\n    }\n  }\n": typeof types.SeoFieldsFragmentDoc,
    "\n  query NewestArticles($limit: Int!) {\n    Articles(limit: $limit, sort: \"-publishedAt\", pagination: false) {\n      docs {\n        id\n        title\n        slug\n        excerpt\n        publishedAt\n        heroImage {\n          ...CardMediaFields\n        }\n      }\n    }\n  }\n": typeof types.NewestArticlesDocument,
    "\n  query ArticleBySlug($slug: String!) {\n    Articles(where: { slug: { equals: $slug } }, limit: 1, pagination: false) {\n      docs {\n        id\n        title\n        slug\n        excerpt\n        publishedAt\n        updatedAt\n        content(depth: 1)\n        heroImage {\n          ...MediaFields\n        }\n        techniques {\n          id\n          name\n          slug\n          summary\n          pressure\n        }\n        faqs {\n          id\n          question\n          slug\n          answer\n        }\n        myths {\n          id\n          myth\n          slug\n        }\n        seo {\n          ...SeoFields\n        }\n      }\n    }\n  }\n": typeof types.ArticleBySlugDocument,
    "\n  query ArticleDraft($id: Int!) {\n    Article(id: $id, draft: true) {\n      id\n      title\n      slug\n      excerpt\n      publishedAt\n      updatedAt\n      content(depth: 1)\n      heroImage {\n        ...MediaFields\n      }\n      techniques {\n        id\n        name\n        slug\n        summary\n        pressure\n      }\n      faqs {\n        id\n        question\n        slug\n        answer\n      }\n      myths {\n        id\n        myth\n        slug\n      }\n      seo {\n        ...SeoFields\n      }\n    }\n  }\n": typeof types.ArticleDraftDocument,
    "\n  query AllTechniques {\n    Techniques(limit: 100, sort: \"name\", pagination: false) {\n      docs {\n        id\n        name\n        slug\n        summary\n        pressure\n        bestFor\n        image {\n          ...CardMediaFields\n        }\n      }\n    }\n  }\n": typeof types.AllTechniquesDocument,
    "\n  query TechniqueBySlug($slug: String!) {\n    Techniques(where: { slug: { equals: $slug } }, limit: 1, pagination: false) {\n      docs {\n        id\n        name\n        slug\n        summary\n        pressure\n        bestFor\n        description(depth: 1)\n        image {\n          ...MediaFields\n        }\n        seo {\n          ...SeoFields\n        }\n      }\n    }\n  }\n": typeof types.TechniqueBySlugDocument,
    "\n  query TechniqueDraft($id: Int!) {\n    Technique(id: $id, draft: true) {\n      id\n      name\n      slug\n      summary\n      pressure\n      bestFor\n      description(depth: 1)\n      image {\n        ...MediaFields\n      }\n      seo {\n        ...SeoFields\n      }\n    }\n  }\n": typeof types.TechniqueDraftDocument,
    "\n  query AllFaqs {\n    Faqs(limit: 100, sort: \"order\", pagination: false) {\n      docs {\n        id\n        question\n        slug\n        answer(depth: 1)\n        category\n        order\n      }\n    }\n  }\n": typeof types.AllFaqsDocument,
    "\n  query FaqDraft($id: Int!) {\n    Faq(id: $id, draft: true) {\n      id\n      question\n      slug\n      answer(depth: 1)\n      category\n      order\n    }\n  }\n": typeof types.FaqDraftDocument,
    "\n  query AllMyths {\n    Myths(limit: 100, sort: \"myth\", pagination: false) {\n      docs {\n        id\n        myth\n        slug\n        fact(depth: 1)\n        sources {\n          title\n          url\n        }\n      }\n    }\n  }\n": typeof types.AllMythsDocument,
    "\n  query MythDraft($id: Int!) {\n    Myth(id: $id, draft: true) {\n      id\n      myth\n      slug\n      fact(depth: 1)\n      sources {\n        title\n        url\n      }\n    }\n  }\n": typeof types.MythDraftDocument,
};
const documents: Documents = {
    "\n  fragment MediaFields on Media {\n    url\n    alt\n    width\n    height\n    mimeType\n    sizes {\n      thumbnail {\n        url\n        width\n        height\n      }\n      small {\n        url\n        width\n        height\n      }\n      smallWebp {\n        url\n        width\n        height\n      }\n      smallAvif {\n        url\n        width\n        height\n      }\n      card {\n        url\n        width\n        height\n      }\n      cardWebp {\n        url\n        width\n        height\n      }\n      cardAvif {\n        url\n        width\n        height\n      }\n      hero {\n        url\n        width\n        height\n      }\n      heroWebp {\n        url\n        width\n        height\n      }\n      heroAvif {\n        url\n        width\n        height\n      }\n    }\n  }\n": types.MediaFieldsFragmentDoc,
    "\n  fragment CardMediaFields on Media {\n    url\n    alt\n    width\n    height\n    sizes {\n      small {\n        url\n        width\n        height\n      }\n      smallWebp {\n        url\n        width\n        height\n      }\n      smallAvif {\n        url\n        width\n        height\n      }\n      card {\n        url\n        width\n        height\n      }\n      cardWebp {\n        url\n        width\n        height\n      }\n      cardAvif {\n        url\n        width\n        height\n      }\n    }\n  }\n": types.CardMediaFieldsFragmentDoc,
    "\n  fragment SeoFields on Seo {\n    metaTitle\n    metaDescription\n    canonical\n    noindex\n    image {\n      url\n      alt\n      width\n      height\n    }\n  }\n": types.SeoFieldsFragmentDoc,
    "\n  query NewestArticles($limit: Int!) {\n    Articles(limit: $limit, sort: \"-publishedAt\", pagination: false) {\n      docs {\n        id\n        title\n        slug\n        excerpt\n        publishedAt\n        heroImage {\n          ...CardMediaFields\n        }\n      }\n    }\n  }\n": types.NewestArticlesDocument,
    "\n  query ArticleBySlug($slug: String!) {\n    Articles(where: { slug: { equals: $slug } }, limit: 1, pagination: false) {\n      docs {\n        id\n        title\n        slug\n        excerpt\n        publishedAt\n        updatedAt\n        content(depth: 1)\n        heroImage {\n          ...MediaFields\n        }\n        techniques {\n          id\n          name\n          slug\n          summary\n          pressure\n        }\n        faqs {\n          id\n          question\n          slug\n          answer\n        }\n        myths {\n          id\n          myth\n          slug\n        }\n        seo {\n          ...SeoFields\n        }\n      }\n    }\n  }\n": types.ArticleBySlugDocument,
    "\n  query ArticleDraft($id: Int!) {\n    Article(id: $id, draft: true) {\n      id\n      title\n      slug\n      excerpt\n      publishedAt\n      updatedAt\n      content(depth: 1)\n      heroImage {\n        ...MediaFields\n      }\n      techniques {\n        id\n        name\n        slug\n        summary\n        pressure\n      }\n      faqs {\n        id\n        question\n        slug\n        answer\n      }\n      myths {\n        id\n        myth\n        slug\n      }\n      seo {\n        ...SeoFields\n      }\n    }\n  }\n": types.ArticleDraftDocument,
    "\n  query AllTechniques {\n    Techniques(limit: 100, sort: \"name\", pagination: false) {\n      docs {\n        id\n        name\n        slug\n        summary\n        pressure\n        bestFor\n        image {\n          ...CardMediaFields\n        }\n      }\n    }\n  }\n": types.AllTechniquesDocument,
    "\n  query TechniqueBySlug($slug: String!) {\n    Techniques(where: { slug: { equals: $slug } }, limit: 1, pagination: false) {\n      docs {\n        id\n        name\n        slug\n        summary\n        pressure\n        bestFor\n        description(depth: 1)\n        image {\n          ...MediaFields\n        }\n        seo {\n          ...SeoFields\n        }\n      }\n    }\n  }\n": types.TechniqueBySlugDocument,
    "\n  query TechniqueDraft($id: Int!) {\n    Technique(id: $id, draft: true) {\n      id\n      name\n      slug\n      summary\n      pressure\n      bestFor\n      description(depth: 1)\n      image {\n        ...MediaFields\n      }\n      seo {\n        ...SeoFields\n      }\n    }\n  }\n": types.TechniqueDraftDocument,
    "\n  query AllFaqs {\n    Faqs(limit: 100, sort: \"order\", pagination: false) {\n      docs {\n        id\n        question\n        slug\n        answer(depth: 1)\n        category\n        order\n      }\n    }\n  }\n": types.AllFaqsDocument,
    "\n  query FaqDraft($id: Int!) {\n    Faq(id: $id, draft: true) {\n      id\n      question\n      slug\n      answer(depth: 1)\n      category\n      order\n    }\n  }\n": types.FaqDraftDocument,
    "\n  query AllMyths {\n    Myths(limit: 100, sort: \"myth\", pagination: false) {\n      docs {\n        id\n        myth\n        slug\n        fact(depth: 1)\n        sources {\n          title\n          url\n        }\n      }\n    }\n  }\n": types.AllMythsDocument,
    "\n  query MythDraft($id: Int!) {\n    Myth(id: $id, draft: true) {\n      id\n      myth\n      slug\n      fact(depth: 1)\n      sources {\n        title\n        url\n      }\n    }\n  }\n": types.MythDraftDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MediaFields on Media {\n    url\n    alt\n    width\n    height\n    mimeType\n    sizes {\n      thumbnail {\n        url\n        width\n        height\n      }\n      small {\n        url\n        width\n        height\n      }\n      smallWebp {\n        url\n        width\n        height\n      }\n      smallAvif {\n        url\n        width\n        height\n      }\n      card {\n        url\n        width\n        height\n      }\n      cardWebp {\n        url\n        width\n        height\n      }\n      cardAvif {\n        url\n        width\n        height\n      }\n      hero {\n        url\n        width\n        height\n      }\n      heroWebp {\n        url\n        width\n        height\n      }\n      heroAvif {\n        url\n        width\n        height\n      }\n    }\n  }\n"): typeof import('./graphql').MediaFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CardMediaFields on Media {\n    url\n    alt\n    width\n    height\n    sizes {\n      small {\n        url\n        width\n        height\n      }\n      smallWebp {\n        url\n        width\n        height\n      }\n      smallAvif {\n        url\n        width\n        height\n      }\n      card {\n        url\n        width\n        height\n      }\n      cardWebp {\n        url\n        width\n        height\n      }\n      cardAvif {\n        url\n        width\n        height\n      }\n    }\n  }\n"): typeof import('./graphql').CardMediaFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SeoFields on Seo {\n    metaTitle\n    metaDescription\n    canonical\n    noindex\n    image {\n      url\n      alt\n      width\n      height\n    }\n  }\n"): typeof import('./graphql').SeoFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NewestArticles($limit: Int!) {\n    Articles(limit: $limit, sort: \"-publishedAt\", pagination: false) {\n      docs {\n        id\n        title\n        slug\n        excerpt\n        publishedAt\n        heroImage {\n          ...CardMediaFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').NewestArticlesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticleBySlug($slug: String!) {\n    Articles(where: { slug: { equals: $slug } }, limit: 1, pagination: false) {\n      docs {\n        id\n        title\n        slug\n        excerpt\n        publishedAt\n        updatedAt\n        content(depth: 1)\n        heroImage {\n          ...MediaFields\n        }\n        techniques {\n          id\n          name\n          slug\n          summary\n          pressure\n        }\n        faqs {\n          id\n          question\n          slug\n          answer\n        }\n        myths {\n          id\n          myth\n          slug\n        }\n        seo {\n          ...SeoFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ArticleBySlugDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticleDraft($id: Int!) {\n    Article(id: $id, draft: true) {\n      id\n      title\n      slug\n      excerpt\n      publishedAt\n      updatedAt\n      content(depth: 1)\n      heroImage {\n        ...MediaFields\n      }\n      techniques {\n        id\n        name\n        slug\n        summary\n        pressure\n      }\n      faqs {\n        id\n        question\n        slug\n        answer\n      }\n      myths {\n        id\n        myth\n        slug\n      }\n      seo {\n        ...SeoFields\n      }\n    }\n  }\n"): typeof import('./graphql').ArticleDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AllTechniques {\n    Techniques(limit: 100, sort: \"name\", pagination: false) {\n      docs {\n        id\n        name\n        slug\n        summary\n        pressure\n        bestFor\n        image {\n          ...CardMediaFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AllTechniquesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TechniqueBySlug($slug: String!) {\n    Techniques(where: { slug: { equals: $slug } }, limit: 1, pagination: false) {\n      docs {\n        id\n        name\n        slug\n        summary\n        pressure\n        bestFor\n        description(depth: 1)\n        image {\n          ...MediaFields\n        }\n        seo {\n          ...SeoFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').TechniqueBySlugDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TechniqueDraft($id: Int!) {\n    Technique(id: $id, draft: true) {\n      id\n      name\n      slug\n      summary\n      pressure\n      bestFor\n      description(depth: 1)\n      image {\n        ...MediaFields\n      }\n      seo {\n        ...SeoFields\n      }\n    }\n  }\n"): typeof import('./graphql').TechniqueDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AllFaqs {\n    Faqs(limit: 100, sort: \"order\", pagination: false) {\n      docs {\n        id\n        question\n        slug\n        answer(depth: 1)\n        category\n        order\n      }\n    }\n  }\n"): typeof import('./graphql').AllFaqsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FaqDraft($id: Int!) {\n    Faq(id: $id, draft: true) {\n      id\n      question\n      slug\n      answer(depth: 1)\n      category\n      order\n    }\n  }\n"): typeof import('./graphql').FaqDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AllMyths {\n    Myths(limit: 100, sort: \"myth\", pagination: false) {\n      docs {\n        id\n        myth\n        slug\n        fact(depth: 1)\n        sources {\n          title\n          url\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AllMythsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MythDraft($id: Int!) {\n    Myth(id: $id, draft: true) {\n      id\n      myth\n      slug\n      fact(depth: 1)\n      sources {\n        title\n        url\n      }\n    }\n  }\n"): typeof import('./graphql').MythDraftDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
