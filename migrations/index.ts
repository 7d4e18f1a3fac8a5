import * as migration_20261127_011935_initial from './20261127_011935_initial';
import * as migration_20261127_014110_content_model from './20261127_014110_content_model';
import * as migration_20261127_023034_workflow from './20261127_023034_workflow';
import * as migration_20261127_035844_read_cache from './20261127_035844_read_cache';
import * as migration_20261203_092639_audit_document_kept from './20261203_092639_audit_document_kept';
import * as migration_20261203_105540_media_object_key from './20261203_105540_media_object_key';
import * as migration_20261203_110305_scheduled_workflow_actions from './20261203_110305_scheduled_workflow_actions';
import * as migration_20261203_120243_preview_link_revocations from './20261203_120243_preview_link_revocations';
import * as migration_20261203_150414_seo_fields from './20261203_150414_seo_fields';
import * as migration_20261203_151057_images_of_live_pages from './20261203_151057_images_of_live_pages';
import * as migration_20261203_151744_slug_redirects from './20261203_151744_slug_redirects';
import * as migration_20261203_152159_cdn_purge_task from './20261203_152159_cdn_purge_task';
import * as migration_20261203_163405_review_threads_approvals_review_dates from './20261203_163405_review_threads_approvals_review_dates';
import * as migration_20261203_184822_releases from './20261203_184822_releases';
import * as migration_20261204_071056_read_cache_slug_notices from './20261204_071056_read_cache_slug_notices';
import * as migration_20261204_161500_skip_unchanged_version_rows from './20261204_161500_skip_unchanged_version_rows';
import * as migration_20261204_203334_job_runners from './20261204_203334_job_runners';

export const migrations = [
  {
    up: migration_20261127_011935_initial.up,
    down: migration_20261127_011935_initial.down,
    name: '20261127_011935_initial',
  },
  {
    up: migration_20261127_014110_content_model.up,
    down: migration_20261127_014110_content_model.down,
    name: '20261127_014110_content_model',
  },
  {
    up: migration_20261127_023034_workflow.up,
    down: migration_20261127_023034_workflow.down,
    name: '20261127_023034_workflow',
  },
  {
    up: migration_20261127_035844_read_cache.up,
    down: migration_20261127_035844_read_cache.down,
    name: '20261127_035844_read_cache',
  },
  {
    up: migration_20261203_092639_audit_document_kept.up,
    down: migration_20261203_092639_audit_document_kept.down,
    name: '20261203_092639_audit_document_kept',
  },
  {
    up: migration_20261203_105540_media_object_key.up,
    down: migration_20261203_105540_media_object_key.down,
    name: '20261203_105540_media_object_key',
  },
  {
    up: migration_20261203_110305_scheduled_workflow_actions.up,
    down: migration_20261203_110305_scheduled_workflow_actions.down,
    name: '20261203_110305_scheduled_workflow_actions',
  },
  {
    up: migration_20261203_120243_preview_link_revocations.up,
    down: migration_20261203_120243_preview_link_revocations.down,
    name: '20261203_120243_preview_link_revocations',
  },
  {
    up: migration_20261203_150414_seo_fields.up,
    down: migration_20261203_150414_seo_fields.down,
    name: '20261203_150414_seo_fields',
  },
  {
    up: migration_20261203_151057_images_of_live_pages.up,
    down: migration_20261203_151057_images_of_live_pages.down,
    name: '20261203_151057_images_of_live_pages',
  },
  {
    up: migration_20261203_151744_slug_redirects.up,
    down: migration_20261203_151744_slug_redirects.down,
    name: '20261203_151744_slug_redirects',
  },
  {
    up: migration_20261203_152159_cdn_purge_task.up,
    down: migration_20261203_152159_cdn_purge_task.down,
    name: '20261203_152159_cdn_purge_task',
  },
  {
    up: migration_20261203_163405_review_threads_approvals_review_dates.up,
    down: migration_20261203_163405_review_threads_approvals_review_dates.down,
    name: '20261203_163405_review_threads_approvals_review_dates',
  },
  {
    up: migration_20261203_184822_releases.up,
    down: migration_20261203_184822_releases.down,
    name: '20261203_184822_releases',
  },
  {
    up: migration_20261204_071056_read_cache_slug_notices.up,
    down: migration_20261204_071056_read_cache_slug_notices.down,
    name: '20261204_071056_read_cache_slug_notices',
  },
  {
    up: migration_20261204_161500_skip_unchanged_version_rows.up,
    down: migration_20261204_161500_skip_unchanged_version_rows.down,
    name: '20261204_161500_skip_unchanged_version_rows',
  },
  {
    up: migration_20261204_203334_job_runners.up,
    down: migration_20261204_203334_job_runners.down,
    name: '20261204_203334_job_runners'
  },
];
