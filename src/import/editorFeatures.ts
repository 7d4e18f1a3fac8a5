/**
 * The rich text that spa writers get in an article. The importer converts documents with
 * exactly these features, so whatever it produces can also be edited in the admin.
 */
import {
  BlockquoteFeature,
  BoldFeature,
  EXPERIMENTAL_TableFeature,
  FixedToolbarFeature,
  HeadingFeature,
  HorizontalRuleFeature,
  InlineToolbarFeature,
  ItalicFeature,
  LinkFeature,
  OrderedListFeature,
  ParagraphFeature,
  StrikethroughFeature,
  UnderlineFeature,
  UnorderedListFeature,
  UploadFeature,
} from '@payloadcms/richtext-lexical'
import type { HeadingTagType } from '@payloadcms/richtext-lexical/lexical/rich-text'

/** The article title is the page's h1, so the body starts at h2. */
const ARTICLE_HEADING_TAGS: HeadingTagType[] = ['h2', 'h3', 'h4']

export function articleEditorFeatures() {
  return [
    ParagraphFeature(),
    BoldFeature(),
    ItalicFeature(),
    UnderlineFeature(),
    StrikethroughFeature(),
    HeadingFeature({ enabledHeadingSizes: ARTICLE_HEADING_TAGS }),
    UnorderedListFeature(),
    OrderedListFeature(),
    // Internal links may point to any content, never to user accounts.
    LinkFeature({ disabledCollections: ['users'] }),
    BlockquoteFeature(),
    HorizontalRuleFeature(),
    EXPERIMENTAL_TableFeature(),
    UploadFeature({ enabledCollections: ['media'] }),
    FixedToolbarFeature(),
    InlineToolbarFeature(),
  ]
}
