-- CreateEnum
CREATE TYPE "TaskKind" AS ENUM ('GENERAL', 'LEADING_GROUP');

-- AlterTable
ALTER TABLE "task" ADD COLUMN     "kind" "TaskKind" NOT NULL DEFAULT 'GENERAL';

-- Tasks made from the templates' 成立宣传月活动领导小组 before tasks had a kind (the templates' only title for
-- it), and their cascaded children; a unit whose group already has a member has done it.
UPDATE "task" SET "kind" = 'LEADING_GROUP' WHERE "title" = '成立宣传月活动领导小组';
