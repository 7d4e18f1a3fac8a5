import { lexicalEditor } from '@payloadcms/richtext-lexical'

import { articleEditorFeatures } from '../import/editorFeatures'

/** One rich-text editor for all content, so the importer's output is editable everywhere. */
export const contentEditor = lexicalEditor({ features: articleEditorFeatures() })
