-- CreateEnum
CREATE TYPE "TaskKind" AS ENUM ('GENERAL', 'LEADING_GROUP');

-- AlterTable
ALTER TABLE "task" ADD COLUMN     "kind" "TaskKind" NOT NULL DEFAULT 'GENERAL';

-- Tasks made from the 成立宣传月活动领导小组 of the templates before tasks had a kind (their only title for
-- it), with their cascaded children, become LEADING_GROUP tasks.
UPDATE "task" SET "kind" = 'LEADING_GROUP' WHERE "title" = '成立宣传月活动领导小组';
