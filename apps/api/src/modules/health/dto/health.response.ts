// Response body of GET /health, as the OpenAPI document describes it.
import { ApiProperty } from '@nestjs/swagger';

export class HealthResponse {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';

  @ApiProperty({ enum: ['up'] })
  database: 'up';

  @ApiProperty({ format: 'date-time', description: 'The server’s clock' })
  time: string;
}
