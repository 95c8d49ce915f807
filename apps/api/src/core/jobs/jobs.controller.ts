import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../context/request-context.js';
import { NotFound } from '../errors/domain-errors.js';
import { IdPipe } from '../http/id.pipe.js';
import { type JobView, JobsService } from './jobs.service.js';

export class JobResponse implements JobView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'channels.test', description: 'The kind of work' })
  name: string;

  @ApiProperty({ enum: ['QUEUED', 'RUNNING', 'RETRYING', 'COMPLETED', 'FAILED', 'CANCELLED'] })
  status: JobView['status'];

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100 })
  progress: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'What the job answered, once COMPLETED',
  })
  result: unknown;

  @ApiProperty({ type: String, nullable: true, description: 'Why the last attempt failed (FAILED, RETRYING)' })
  error: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt: string | null;
}

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('jobs')
export class JobsController {
  constructor(@Inject(JobsService) private readonly jobs: JobsService) {}

  @Get(':id')
  @ApiOperation({
    summary: 'Work you started in the background (e.g. a channel test): status, progress, result, error',
  })
  @ApiOkResponse({ type: JobResponse, description: 'JobView; 404 for a job another user started' })
  async get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<JobResponse> {
    const job = await this.jobs.find(id, { tenantId: actor.tenantId, userId: actor.userId });
    if (!job) throw new NotFound('Job');
    return job;
  }
}
